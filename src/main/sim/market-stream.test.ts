import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { startSimulator, type Simulator } from './index.ts';
import { deepShape } from './testing/json-shape.ts';
import { openRecordingSocket, type RecordingSocket } from './testing/sim-test-client.ts';

const WS = new URL('../../../test/fixtures/protocol/ws/', import.meta.url);
const lines = (name: string) =>
  readFileSync(new URL(name, WS), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { stream: string; data: Record<string, unknown> });
const json = (name: string) =>
  JSON.parse(readFileSync(new URL(name, WS), 'utf8')) as Record<string, unknown>;

/** The captured market stream names, rewritten for a token the simulator lists. */
const forSim = (stream: string) =>
  stream.replace('alpha_971usdt', 'alpha_373usdt').replace('came@alpha_971@', 'came@alpha_373@');

describe('market data stream (/w3w/wsa/stream) matches the captured frames in shape', () => {
  const clock = new FakeClock();
  let sim: Simulator;
  let socket: RecordingSocket;
  const captured = [
    ...lines('capture-2026-05-21.market-frames.jsonl'),
    ...lines('market-aggtrade.jsonl'),
  ];

  beforeAll(async () => {
    sim = await startSimulator({ clock });
    socket = await openRecordingSocket(sim.marketWsUrl);
    const pageSubscribe = json('capture-2026-05-21.market-subscribe.client.json');
    socket.send(pageSubscribe);
    socket.send({ ...json('market-stream-subscribe.client.json'), id: 2 });
    socket.send({
      method: 'SUBSCRIBE',
      params: [...new Set(captured.map((f) => forSim(f.stream)))],
      id: 3,
    });
    await socket.waitFor((f) => f.id === 3);
    await clock.advance(500);
  });
  afterAll(async () => {
    await socket.close();
    await sim.dispose();
  });

  it('acknowledges the captured SUBSCRIBE frames', async () => {
    expect(await socket.waitFor((f) => f.id === 1)).toEqual({ result: null, id: 1 });
    expect(await socket.waitFor((f) => f.id === 2)).toEqual({ result: null, id: 2 });
  });

  it.each(captured.map((f) => [f.stream, f] as const))('%s', async (_stream, frame) => {
    const got = await socket.waitFor((f) => f.stream === forSim(frame.stream));
    expect(deepShape(got)).toEqual(deepShape(frame));
    expect(new Set(Object.keys(got.data as object))).toEqual(new Set(Object.keys(frame.data)));
  });
});
