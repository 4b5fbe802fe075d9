import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimBusinessError } from './errors.ts';
import { CONTROL_PREFIX, sendJson } from './http-server.ts';
import type { Simulator } from './simulator-types.ts';

type Body = Record<string, unknown>;
type Handler = (body: Body, query: URLSearchParams) => unknown;

/** A control-API input problem (HTTP 400), with a stable code. */
class ControlError extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'NOT_FOUND' | 'REJECTED',
    message: string,
  ) {
    super(message);
  }
}

const str = (body: Body, name: string, required = true): string | undefined => {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new ControlError('BAD_REQUEST', `"${name}" is required`);
    return undefined;
  }
  if (typeof value !== 'string')
    throw new ControlError('BAD_REQUEST', `"${name}" must be a string`);
  return value;
};

const num = (body: Body, name: string, required = true): number | undefined => {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new ControlError('BAD_REQUEST', `"${name}" is required`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ControlError('BAD_REQUEST', `"${name}" must be a non-negative number`);
  }
  return value;
};

/**
 * The loopback-only control API under /__sim: the programmatic fault and market switches as
 * JSON over HTTP, for the standalone simulator and for tests in other processes.
 * Replies `{"ok":true,"value":...}` or HTTP 4xx `{"ok":false,"error":{"code","message"}}`.
 */
export function createControlHandler(sim: () => Simulator) {
  const routes: Record<string, Handler> = {
    'GET ': () => ({
      restUrl: sim().restUrl,
      wsUrl: sim().wsUrl,
      controlUrl: sim().controlUrl,
      demoUserId: sim().demoAccount.userId,
      connectionCount: sim().connectionCount,
      demoActivityRunning: sim().demoActivity.running,
      nowMs: sim().clock.now(),
    }),
    'POST /faults/drop-all-connections': () => sim().faults.dropAllConnections(),
    'POST /faults/stall': () => sim().faults.stall(),
    'POST /faults/resume': () => sim().faults.resume(),
    'POST /faults/refuse-connections': (b) => sim().faults.refuseConnections(num(b, 'durationMs')!),
    'POST /faults/expire-listen-key': (b) => ({
      expired: sim().faults.expireListenKey(str(b, 'listenKey', false)) !== undefined,
    }),
    'POST /faults/silence-listen-key': (b) => ({
      silenced: sim().faults.silenceListenKey(str(b, 'listenKey', false)) !== undefined,
    }),
    'POST /faults/invalidate-session': (b) =>
      sim().faults.invalidateSession(str(b, 'userId', false)),
    'POST /faults/inject-raw': (b) =>
      sim().faults.injectRaw(str(b, 'text')!, str(b, 'listenKey', false)),
    'POST /faults/duplicate-last-frame': (b) => ({
      sent: sim().faults.duplicateLastFrame(str(b, 'listenKey', false)),
    }),
    'POST /faults/reorder-next-pushes': (b) => sim().faults.reorderNextPushes(num(b, 'count')!),
    'POST /faults/lose-next-pushes': (b) => sim().faults.loseNextPushes(num(b, 'count')!),
    'POST /faults/order-gate': (b) => {
      const gate = str(b, 'gate');
      if (gate !== 'none' && gate !== 'verification' && gate !== 'riskChallenge') {
        throw new ControlError(
          'BAD_REQUEST',
          '"gate" must be "none", "verification" or "riskChallenge"',
        );
      }
      sim().faults.setOrderGate(gate, str(b, 'userId', false));
    },
    'GET /market/price': (_b, q) => {
      const symbol = q.get('symbol');
      if (!symbol) throw new ControlError('BAD_REQUEST', '"symbol" query parameter is required');
      return { symbol, price: sim().market.getPrice(symbol) };
    },
    'POST /market/price': (b) => sim().market.setPrice(str(b, 'symbol')!, str(b, 'price')!),
    'POST /orders/fill-now': (b) => {
      const quantities = b.quantities;
      if (
        quantities !== undefined &&
        (!Array.isArray(quantities) || quantities.some((q) => typeof q !== 'string'))
      ) {
        throw new ControlError('BAD_REQUEST', '"quantities" must be an array of decimal strings');
      }
      sim().orders.fillNow(
        str(b, 'orderId')!,
        (quantities as string[] | undefined) ?? str(b, 'quantity', false),
      );
    },
    'POST /orders/end-now': (b) => {
      const status = str(b, 'status');
      if (status !== 'EXPIRED' && status !== 'REJECTED') {
        throw new ControlError('BAD_REQUEST', '"status" must be "EXPIRED" or "REJECTED"');
      }
      sim().orders.endNow(str(b, 'orderId')!, status);
    },
    'POST /accounts': (b) => {
      const balances = b.balances;
      if (balances !== undefined && (typeof balances !== 'object' || balances === null)) {
        throw new ControlError('BAD_REQUEST', '"balances" must be an object of asset → amount');
      }
      return sim().createAccount({
        userId: str(b, 'userId', false),
        balances: balances as Record<string, string> | undefined,
      });
    },
    'POST /accounts/renew-session': (b) => sim().renewSession(str(b, 'userId')!),
    'POST /points/spend': (b) =>
      sim().points.spend({ userId: str(b, 'userId', false), score: str(b, 'score', false) }),
    'GET /points/counted-today': (_b, q) => ({
      countedVolume: sim().points.countedToday(q.get('userId') ?? undefined),
    }),
    'POST /demo/start': (b) =>
      sim().demoActivity.start({ ordersPerMinute: num(b, 'ordersPerMinute', false) }),
    'POST /demo/stop': () => sim().demoActivity.stop(),
  };

  return (request: IncomingMessage, response: ServerResponse, text: string): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // `/__sim/<token>/faults/stall` → `/faults/stall` (the token was checked by the server).
    const afterPrefix = url.pathname.slice(CONTROL_PREFIX.length + 1);
    const slash = afterPrefix.indexOf('/');
    const sub = (slash < 0 ? '' : afterPrefix.slice(slash)).replace(/\/$/, '');
    const handler = routes[`${request.method} ${sub}`];
    try {
      if (!handler)
        throw new ControlError(
          'NOT_FOUND',
          `No control endpoint ${request.method} ${url.pathname}`,
        );
      let body: Body = {};
      if (text.trim() !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new ControlError('BAD_REQUEST', 'Body must be JSON');
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          throw new ControlError('BAD_REQUEST', 'Body must be a JSON object');
        }
        body = parsed as Body;
      }
      const value = handler(body, url.searchParams);
      sendJson(response, 200, { ok: true, value: value ?? null });
    } catch (error) {
      if (error instanceof ControlError) {
        sendJson(response, error.code === 'NOT_FOUND' ? 404 : 400, {
          ok: false,
          error: { code: error.code, message: error.message },
        });
      } else if (error instanceof SimBusinessError || error instanceof RangeError) {
        sendJson(response, 400, { ok: false, error: { code: 'REJECTED', message: error.message } });
      } else {
        throw error;
      }
    }
  };
}
