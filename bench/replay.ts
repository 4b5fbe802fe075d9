import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CAPTURE = fileURLToPath(
  new URL('../test/fixtures/protocol/ws/oto-buy-fill-then-sell-fill.jsonl', import.meta.url),
);

/**
 * A large replay built from the 6 captured frames of one OTO life cycle: each copy gets new
 * order ids (`i`), order-list id (`il`), client ids and strictly increasing event ids (`id`),
 * so the book sees many distinct orders going through the captured states.
 */
export function buildReplay(lifeCycles: number): string[] {
  const frames = readFileSync(CAPTURE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { stream: string; data: Record<string, unknown> });
  const out: string[] = [];
  let eventId = 12_501_197_286;
  for (let k = 0; k < lifeCycles; k++) {
    for (const frame of frames) {
      const data = { ...frame.data };
      const leg = data.cp === 'OTO_WORKING' ? 0 : 1;
      data.i = String(51_481_849 + 2 * k + leg);
      data.il = String(89_863_105 + k);
      data.c = `web_${(k * 2 + leg).toString(16).padStart(32, '0')}`;
      data.id = eventId++;
      out.push(JSON.stringify({ stream: frame.stream, data }));
    }
  }
  return out;
}
