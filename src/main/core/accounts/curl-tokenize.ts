/**
 * Splits a "Copy as cURL" command into its arguments, the way the shell it was written for
 * would. Browsers offer two flavours:
 * - bash (Chrome/Edge "Copy as cURL (bash)", Firefox "Copy as cURL (POSIX)", macOS/Linux):
 *   `'...'`, `$'...'` (ANSI-C escapes), `"..."`, backslash escapes, `\` line continuations;
 * - Windows cmd (Chrome/Edge "Copy as cURL (cmd)", Firefox "Copy as cURL (Windows)"):
 *   `^"...^"`, `^` escapes of any character, `^` line continuations, `\"` inside quotes.
 */

/** Which shell's quoting a command uses. */
export type CurlFlavour = 'bash' | 'cmd';

/** A quoting error; `parseCurl` turns it into a MALFORMED_CURL import error. */
export class CurlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CurlSyntaxError';
  }
}

/** Guesses the flavour: cmd output is full of carets (`^"`, a `^` ending a line). */
export function detectCurlFlavour(text: string): CurlFlavour {
  return /\^"|\^\r?\n/.test(text) ? 'cmd' : 'bash';
}

/** The command's arguments, quoting removed (`curl` itself included). */
export function tokenizeCurl(
  text: string,
  flavour: CurlFlavour = detectCurlFlavour(text),
): string[] {
  return flavour === 'cmd' ? tokenizeCmd(text) : tokenizeBash(text);
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function tokenizeBash(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') {
        i += 2;
      } else if (next === '\r' && text[i + 2] === '\n') {
        i += 3;
      } else if (next !== undefined) {
        current += next;
        inArg = true;
        i += 2;
      } else {
        i += 1;
      }
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new CurlSyntaxError('a single quote is never closed');
      current += text.slice(i + 1, end);
      inArg = true;
      i = end + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      const { value, end } = readAnsiC(text, i + 2);
      current += value;
      inArg = true;
      i = end;
    } else if (c === '"') {
      const { value, end } = readBashDoubleQuoted(text, i + 1);
      current += value;
      inArg = true;
      i = end;
    } else if (isSpace(c)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
      i += 1;
    } else {
      current += c;
      inArg = true;
      i += 1;
    }
  }
  if (inArg) args.push(current);
  return args;
}

/** `$'...'` from the character after the opening quote; returns the index after the closing one. */
function readAnsiC(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      i += 1;
      continue;
    }
    const e = text[i + 1];
    const simple: Record<string, string> = {
      n: '\n',
      r: '\r',
      t: '\t',
      a: '\x07',
      b: '\b',
      e: '\x1b',
      E: '\x1b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '?': '?',
    };
    if (e !== undefined && simple[e] !== undefined) {
      value += simple[e];
      i += 2;
    } else if (e === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))?.[0] ?? '';
      value += hex ? String.fromCharCode(parseInt(hex, 16)) : '\\x';
      i += 2 + hex.length;
    } else if (e === 'u' || e === 'U') {
      const max = e === 'u' ? 4 : 8;
      const hex = new RegExp(`^[0-9a-fA-F]{1,${max}}`).exec(text.slice(i + 2))?.[0] ?? '';
      value += hex ? String.fromCodePoint(parseInt(hex, 16)) : `\\${e}`;
      i += 2 + hex.length;
    } else if (e !== undefined && /[0-7]/.test(e)) {
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
      value += String.fromCharCode(parseInt(oct, 8));
      i += 1 + oct.length;
    } else {
      // Unknown escapes stay as written, as bash does.
      value += '\\' + (e ?? '');
      i += 2;
    }
  }
  throw new CurlSyntaxError("a $'...' quote is never closed");
}

function readBashDoubleQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return { value, end: i + 1 };
    if (c === '\\') {
      const e = text[i + 1];
      if (e === '\n') {
        i += 2;
        continue;
      }
      // Inside double quotes a backslash only escapes these; elsewhere it is literal.
      if (e !== undefined && '$`"\\'.includes(e)) {
        value += e;
        i += 2;
        continue;
      }
    }
    value += c;
    i += 1;
  }
  throw new CurlSyntaxError('a double quote is never closed');
}

/**
 * Two layers, as on Windows: cmd.exe first removes carets (`^x` → `x`; `^` + newline joins the
 * next line and takes its first character literally, which is how browsers encode a newline
 * inside a value as `^` + two newlines), then curl.exe's C runtime splits arguments on blanks,
 * with `"` grouping and `\"` (or `""` inside quotes) as a literal quote.
 */
function tokenizeCmd(text: string): string[] {
  const chars: Array<{ c: string; literal: boolean }> = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '^') {
      let j = i + 1;
      if (text[j] === '\r') j += 1;
      if (text[j] === '\n') {
        // A continuation; a second newline right after it is an escaped, literal newline.
        j += 1;
        if (text[j] === '\r') j += 1;
        if (text[j] === '\n') {
          chars.push({ c: '\n', literal: true });
          j += 1;
        }
        i = j;
        continue;
      }
      if (i + 1 < text.length) chars.push({ c: text[i + 1]!, literal: false });
      i += 2;
      continue;
    }
    chars.push({ c, literal: false });
    i += 1;
  }

  const args: string[] = [];
  let current = '';
  let inArg = false;
  let quoted = false;
  for (let k = 0; k < chars.length; k++) {
    const { c, literal } = chars[k]!;
    if (literal) {
      current += c;
      inArg = true;
    } else if (c === '\\') {
      // Backslashes are literal unless they precede a quote: 2n → n and a quote delimiter,
      // 2n+1 → n and a literal quote.
      let count = 1;
      while (chars[k + count]?.c === '\\' && !chars[k + count]!.literal) count += 1;
      const after = chars[k + count];
      if (after && after.c === '"' && !after.literal) {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) {
          current += '"';
          k += count;
        } else {
          k += count - 1;
        }
      } else {
        current += '\\'.repeat(count);
        k += count - 1;
      }
      inArg = true;
    } else if (c === '"') {
      if (quoted && chars[k + 1]?.c === '"') {
        current += '"';
        k += 1;
      } else {
        quoted = !quoted;
      }
      inArg = true;
    } else if (!quoted && isSpace(c)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += c;
      inArg = true;
    }
  }
  if (quoted) throw new CurlSyntaxError('a double quote is never closed');
  if (inArg) args.push(current);
  return args;
}
