import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { startSimulator, type Simulator } from './index.ts';
import { typeMap } from './testing/json-shape.ts';
import {
  callRest,
  isExecutionReport,
  openRecordingSocket,
  pushData,
  type RecordingSocket,
} from './testing/sim-test-client.ts';

const FIXTURES = new URL('../../../test/fixtures/protocol/', import.meta.url);
const readLines = (path: string) =>
  readFileSync(new URL(path, FIXTURES), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as Record<string, unknown>;

const captured = readLines('ws/oto-buy-fill-then-sell-fill.jsonl');
const capturedData = captured.map((f) => f.data as Record<string, unknown>);

/** Fields whose captured values follow from the same order and prices. */
const SAME_VALUE_KEYS = [
  's',
  'ap',
  'S',
  'o',
  'f',
  'q',
  'p',
  'P',
  'x',
  'X',
  'l',
  'z',
  'L',
  'n',
  'N',
  'm',
  'ot',
  'st',
  'Z',
  'Y',
  'Q',
  'ba',
  'qa',
  'ct',
  'cp',
  'e',
];

describe('the captured OTO life cycle (fixtures/ws/oto-buy-fill-then-sell-fill.jsonl)', () => {
  let clock: FakeClock;
  let sim: Simulator;
  let stream: RecordingSocket;
  let listenKey: string;

  beforeEach(async () => {
    clock = new FakeClock(1_759_043_608_334);
    // Fills only when the test says so, so the frames can be lined up with the capture.
    sim = await startSimulator({ clock, fillDelayMs: 3_600_000, priceStepFraction: 0 });
    const reply = await callRest(
      sim.restUrl,
      'POST',
      '/bapi/defi/v1/private/alpha-trade/get-listen-key',
      {
        credentials: sim.demoAccount.credentials,
      },
    );
    listenKey = reply.body.data as string;
    stream = await openRecordingSocket(sim.wsUrl);
    // The captured SUBSCRIBE frame, with our key in place of the captured one.
    stream.send({
      ...readJson('ws/order-stream-subscribe.client.json'),
      params: [`alpha@${listenKey}`],
    });
    const ack = await stream.waitFor((f) => f.id === 2);
    expect(ack).toEqual(readJson('ws/order-stream-subscribe-ack.server.json'));
  });

  afterEach(async () => {
    await stream.close();
    await sim.dispose();
  });

  async function runCapturedScenario(): Promise<Array<Record<string, unknown>>> {
    sim.market.setPrice('ALPHA_373USDT', '0.22690469');
    const placed = await callRest(
      sim.restUrl,
      'POST',
      '/bapi/asset/v1/private/alpha-trade/oto-order/place',
      {
        credentials: sim.demoAccount.credentials,
        body: {
          baseAsset: 'ALPHA_373',
          quoteAsset: 'USDT',
          workingSide: 'BUY',
          workingPrice: '0.23',
          workingQuantity: '869.56',
          paymentDetails: [{ amount: '199.9988', paymentWalletType: 'CARD' }],
          pendingPrice: '0.0001',
        },
      },
    );
    expect(placed.body.success).toBe(true);
    const { workingOrderId, pendingOrderId } = placed.body.data as Record<string, number>;
    await stream.waitForCount(isExecutionReport, 2);
    await clock.advance(847);
    sim.orders.fillNow(String(workingOrderId));
    await stream.waitForCount(isExecutionReport, 4);
    sim.market.setPrice('ALPHA_373USDT', '0.22690468');
    await clock.advance(1_315);
    sim.orders.fillNow(String(pendingOrderId), ['200', '669.47']);
    const frames = await stream.waitForCount(isExecutionReport, 6);
    expect(frames.map((f) => f.stream)).toEqual(frames.map(() => `alpha@${listenKey}`));
    return frames.map((f) => pushData(f)!);
  }

  it('pushes six frames with exactly the captured keys, key order and JSON types', async () => {
    const frames = await runCapturedScenario();
    expect(frames).toHaveLength(capturedData.length);
    frames.forEach((frame, index) => {
      expect(Object.keys(frame), `frame ${index} keys`).toEqual(Object.keys(capturedData[index]!));
      expect(typeMap(frame), `frame ${index} types`).toEqual(typeMap(capturedData[index]!));
    });
  });

  it('reproduces the captured quantities, prices, fees and statuses', async () => {
    const frames = await runCapturedScenario();
    frames.forEach((frame, index) => {
      for (const key of SAME_VALUE_KEYS) {
        expect(frame[key], `frame ${index} ${key}`).toEqual(capturedData[index]![key]);
      }
    });
    // Activation: 869.56 − 0.086956 fee = 869.473044 → 869.47 at the 0.01 step.
    expect(frames[3]!.q).toBe('869.47000000');
  });

  it('links the frames the way the capture does', async () => {
    const frames = await runCapturedScenario();
    const ids = frames.map((f) => f.id as number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // Both legs: one order list, one creation time; placed in the same instant.
    expect(new Set(frames.map((f) => f.il)).size).toBe(1);
    expect(new Set(frames.map((f) => f.O)).size).toBe(1);
    expect(frames[0]!.E).toBe(frames[1]!.E);
    // The pending leg's id follows the working leg's.
    expect(Number(frames[1]!.i)).toBe(Number(frames[0]!.i) + 1);
    // Activation: 1 ms after the working fill's E, with the fill's T.
    expect(frames[3]!.E).toBe((frames[2]!.E as number) + 1);
    expect(frames[3]!.T).toBe(frames[2]!.T);
    // The two fills of the pending leg share E and t.
    expect(frames[4]!.E).toBe(frames[5]!.E);
    expect(frames[4]!.t).toBe(frames[5]!.t);
    expect(frames[2]!.t).not.toBe(frames[4]!.t);
  });
});
