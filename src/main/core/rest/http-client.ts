/**
 * The one thing the REST client needs from the network: send a request, get status, headers
 * and body text back. The real adapter is Node's global `fetch`; tests may pass a fake.
 */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  /** Exactly the headers to send (lower-case names). */
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request (timeout or caller cancellation). */
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Response header lookup (case-insensitive). */
  header(name: string): string | null;
  text: string;
}

/** Sends one HTTP request. Rejects only on transport failure or abort, never on a status. */
export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** The real adapter: Node's global fetch (undici). */
export const fetchHttpClient: HttpClient = {
  async send(request) {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      redirect: 'manual',
    });
    const text = await response.text();
    return { status: response.status, header: (name) => response.headers.get(name), text };
  },
};
