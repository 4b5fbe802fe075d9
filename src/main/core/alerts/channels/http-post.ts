import { AlertDeliveryError } from '../delivery-queue.ts';

/**
 * POSTs `body` and returns the answer's status and text. Network failures and timeouts are
 * retryable AlertDeliveryErrors; their messages never hold the URL (it may carry a token).
 */
export async function postForAlert(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new AlertDeliveryError('TIMEOUT', `no answer within ${timeoutMs} ms`, true);
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new AlertDeliveryError('NETWORK', `cannot connect${cause ? ` (${cause})` : ''}`, true);
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, text };
}

/** 408, 425, 429 and 5xx may work later; other 4xx will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** `https://hooks.example.com/…`: the origin only (a webhook's path often is its secret). */
export function safeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const hasMore = parsed.pathname.length > 1 || parsed.search.length > 0;
    return `${parsed.origin}${hasMore ? '/…' : ''}`;
  } catch {
    return '(not a URL)';
  }
}
