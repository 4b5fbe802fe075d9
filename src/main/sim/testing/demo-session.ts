import type { SimAccount, Simulator } from '../index.ts';
import { callRest, openRecordingSocket, type RecordingSocket } from './sim-test-client.ts';

const LISTEN_KEY_PATH = '/bapi/defi/v1/private/alpha-trade/get-listen-key';
const OTO_PATH = '/bapi/asset/v1/private/alpha-trade/oto-order/place';

/** POSTs get-listen-key for the account and returns the key. */
export async function obtainListenKey(
  sim: Simulator,
  account: SimAccount = sim.demoAccount,
): Promise<string> {
  const reply = await callRest(sim.restUrl, 'POST', LISTEN_KEY_PATH, {
    credentials: account.credentials,
  });
  if (reply.body.success !== true)
    throw new Error(`get-listen-key failed: ${JSON.stringify(reply.body)}`);
  return reply.body.data as string;
}

/** Opens a plain socket and subscribes `alpha@<key>`, waiting for the ack. */
export async function subscribedSocket(
  sim: Simulator,
  listenKey: string,
  options: { autoPong?: boolean } = {},
): Promise<RecordingSocket> {
  const socket = await openRecordingSocket(sim.wsUrl, options);
  socket.send({ method: 'SUBSCRIBE', params: [`alpha@${listenKey}`], id: 1 });
  await socket.waitFor((f) => f.id === 1 && 'result' in f);
  return socket;
}

/** Places a small ALEO OTO for the account (working BUY 100 @ 0.20, below the default market). */
export async function placeRestingOto(
  sim: Simulator,
  account: SimAccount = sim.demoAccount,
  workingPrice = '0.2',
): Promise<{ workingOrderId: number; pendingOrderId: number }> {
  const reply = await callRest(sim.restUrl, 'POST', OTO_PATH, {
    credentials: account.credentials,
    body: {
      baseAsset: 'ALPHA_373',
      quoteAsset: 'USDT',
      workingSide: 'BUY',
      workingPrice,
      workingQuantity: '100',
      paymentDetails: [{ amount: '20', paymentWalletType: 'CARD' }],
      pendingPrice: '0.0001',
      pendingType: 'LIMIT',
    },
  });
  if (reply.body.success !== true)
    throw new Error(`oto place failed: ${JSON.stringify(reply.body)}`);
  return reply.body.data as { workingOrderId: number; pendingOrderId: number };
}
