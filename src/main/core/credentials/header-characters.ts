import type { SessionCredentials } from './session-credentials.ts';

/**
 * A header can only carry Latin-1 (fetch throws before sending anything else), and a browser
 * never puts such a character in one: a value with, say, a curly quote, an ellipsis or an emoji
 * was changed by a chat app or an editor on its way from the browser. Nothing can send it, so
 * it is refused where credentials come in, and the REST client refuses it before a request.
 */
export function hasUnsendableCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return true;
  return false;
}

/**
 * Which part of a session cannot be sent: `"cookie"`, the name of the header whose value (or
 * name) has such a character, or null when all of it can be sent. Never the value itself.
 */
export function findUnsendableCredential(credentials: SessionCredentials): string | null {
  return (
    findUnsendableHeader(credentials.headers) ??
    (hasUnsendableCharacter(credentials.cookies) ? 'cookie' : null)
  );
}

/** The same for request headers as sent (the cookie is then the `cookie` header). */
export function findUnsendableHeader(headers: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    if (hasUnsendableCharacter(name)) return 'a header name';
    if (hasUnsendableCharacter(value)) return name;
  }
  return null;
}

/**
 * What to tell the user, naming the part (`"cookie"`, `"csrftoken"`; null when unknown), never
 * its value.
 */
export function unsendableCharacterMessage(part: string | null): string {
  const what =
    part === null
      ? 'A header or cookie of the session'
      : part === 'cookie'
        ? 'The cookie header'
        : part === 'a header name'
          ? 'A header name'
          : `The ${part} header`;
  return (
    `${what} has a character browsers never send (it was probably changed by a chat app or an editor). ` +
    'Copy the request as cURL from the browser again and re-import it.'
  );
}
