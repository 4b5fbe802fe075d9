/**
 * The memory mode's traffic: OTO life cycles made from the 6 captured frames of one (a BUY that
 * fills, its SELL leg activated and filled in two parts), each with new order ids, client ids,
 * trade ids and event ids, and the times moved to now, so every order in it ends.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CAPTURE = fileURLToPath(
  new URL('../test/fixtures/protocol/ws/oto-buy-fill-then-sell-fill.jsonl', import.meta.url),
);
const TIME_KEYS = ['O', 'T', 'u', 'E'] as const;

export const FRAMES_PER_LIFE_CYCLE = 6;

export class LifeCycleFrames {
  private readonly template: Array<Record<string, unknown>>;
  private readonly capturedStartMs: number;
  private cycle = 0;
  private eventId = 20_000_000_000;

  constructor() {
    this.template = readFileSync(CAPTURE, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { data: Record<string, unknown> }).data);
    this.capturedStartMs = this.template[0]!.O as number;
  }

  /** The next life cycle's frames (`data` objects), timed as if it started at `nowMs`. */
  next(nowMs: number): Array<Record<string, unknown>> {
    const k = this.cycle++;
    return this.template.map((captured) => {
      const data = { ...captured };
      const leg = data.cp === 'OTO_WORKING' ? 0 : 1;
      data.i = String(70_000_000_000 + 2 * k + leg);
      data.il = String(80_000_000_000 + k);
      data.c = `web_${(2 * k + leg).toString(16).padStart(32, '0')}`;
      if (data.t !== '0') data.t = String(90_000_000_000 + 2 * k + leg);
      data.id = this.eventId++;
      for (const key of TIME_KEYS)
        data[key] = nowMs + ((data[key] as number) - this.capturedStartMs);
      return data;
    });
  }
}
