/**
 * What the specs need from a standalone simulator: its fault switches (over its loopback
 * control API) and the order states it reports (over its own REST API, with the account's
 * session, exactly as the app reads them).
 */
export interface SimCredentials {
  headers: Record<string, string>;
  cookies: string;
}

async function control(
  controlUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<unknown> {
  // The control API answers only JSON POSTs (a web page cannot send those without a preflight).
  const response = await fetch(`${controlUrl}${path}`, {
    method,
    headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  const json = (await response.json()) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
  if (!json.ok) throw new Error(`sim control ${path}: ${json.error?.code} ${json.error?.message}`);
  return json.value;
}

export const simControl = {
  status: (controlUrl: string) =>
    control(controlUrl, 'GET', '') as Promise<{
      connectionCount: number;
      demoActivityRunning: boolean;
    }>,
  dropAllConnections: (controlUrl: string) =>
    control(controlUrl, 'POST', '/faults/drop-all-connections'),
  refuseConnections: (controlUrl: string, durationMs: number) =>
    control(controlUrl, 'POST', '/faults/refuse-connections', { durationMs }),
  startDemoActivity: (controlUrl: string, ordersPerMinute: number) =>
    control(controlUrl, 'POST', '/demo/start', { ordersPerMinute }),
  stopDemoActivity: (controlUrl: string) => control(controlUrl, 'POST', '/demo/stop'),
};

/** One order as the exchange reports it (history or open orders). */
export interface SimOrderState {
  orderId: string;
  status: string;
  executedQty: string;
  /** Order creation time, ms. */
  timeMs: number;
}

async function privateGet(
  restUrl: string,
  credentials: SimCredentials,
  path: string,
): Promise<unknown> {
  const response = await fetch(`${restUrl}${path}`, {
    headers: { ...credentials.headers, cookie: credentials.cookies },
  });
  const json = (await response.json()) as {
    success: boolean;
    data: unknown;
    message: string | null;
  };
  if (!json.success) throw new Error(`sim REST ${path.split('?')[0]}: ${json.message}`);
  return json.data;
}

/**
 * Every order of the account with its current status, from the exchange's point of view:
 * open orders, plus the closed-order history (all pages) since `sinceMs`.
 */
export async function simOrderStates(
  restUrl: string,
  credentials: SimCredentials,
  sinceMs: number,
): Promise<Map<string, SimOrderState>> {
  const states = new Map<string, SimOrderState>();
  type Row = { orderId: string | number; status: string; executedQty: string; time: number };
  const put = (row: Row) => {
    if (row.time < sinceMs) return;
    states.set(String(row.orderId), {
      orderId: String(row.orderId),
      status: row.status,
      executedQty: row.executedQty,
      timeMs: row.time,
    });
  };
  const open = (await privateGet(
    restUrl,
    credentials,
    '/bapi/defi/v1/private/alpha-trade/order/get-open-order?side=',
  )) as Row[];
  open.forEach(put);
  const endMs = Date.now() + 60_000;
  for (let page = 1; page < 200; page++) {
    const rows = (await privateGet(
      restUrl,
      credentials,
      `/bapi/defi/v1/private/alpha-trade/order/get-order-history-merge?page=${page}&rows=100&orderStatus=FILLED,PARTIALLY_FILLED,EXPIRED,CANCELED,REJECTED&startTime=${sinceMs}&endTime=${endMs}&kind=LIMIT`,
    )) as Row[];
    rows.forEach(put);
    if (rows.length < 100) break;
  }
  return states;
}

/** Single-quotes a value for a bash command line. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A "Copy as cURL (bash)" command as Chrome writes it for a private binance.com call, carrying
 * the simulator account's session: what a user pastes into "Add account". (The exchange
 * address is pointed at the simulator separately, under "Advanced".)
 */
export function buildCurl(credentials: SimCredentials): string {
  const lines = [
    `curl ${shellQuote('https://www.binance.com/bapi/accounts/v1/private/account/get-user-base-info')}`,
  ];
  for (const [name, value] of Object.entries(credentials.headers))
    lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  lines.push(`  -b ${shellQuote(credentials.cookies)}`);
  return lines.join(' \\\n');
}
