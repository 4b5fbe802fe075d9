import { defineMessages, type Lang } from '../i18n/lang.ts';

const messages = defineMessages({
  en: {
    prompt: () =>
      'Paste the "Copy as cURL" command, then press Ctrl+D (Windows: Ctrl+Z). ' +
      'It is not shown on screen, so the cookies do not stay in the scrollback.\n',
    received: (chars: number, lines: number) =>
      `Received ${chars} characters on ${lines} line(s) (not shown).\n`,
  },
  'zh-CN': {
    prompt: () =>
      '请粘贴“复制为 cURL”的命令，然后按 Ctrl+D（Windows：Ctrl+Z）。' +
      '粘贴的内容不会显示在屏幕上，Cookie 不会留在终端的滚动记录里。\n',
    received: (chars: number, lines: number) =>
      `已收到 ${chars} 个字符，共 ${lines} 行（不显示）。\n`,
  },
});

/** A terminal's standard input, as far as reading a paste is concerned. */
export interface PasteInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

const END_OF_INPUT = new Set(['\u0004', '\u001a']); // Ctrl+D, Ctrl+Z
const INTERRUPT = '\u0003'; // Ctrl+C

/** Ctrl+C while a paste was being read (nothing was stored). */
export class PasteInterruptedError extends Error {
  constructor() {
    super('Interrupted.');
    this.name = 'PasteInterruptedError';
  }
}

/**
 * Reads a pasted cURL from a terminal without echoing it: the terminal goes into raw mode, so
 * the cookies never appear on screen or in the scrollback, and only the size is printed.
 * Ctrl+D or Ctrl+Z ends the paste, Ctrl+C abandons it. Not a terminal: reads to the end.
 */
export async function readPaste(
  stdin: PasteInput,
  stderr: (text: string) => void,
  lang: Lang,
): Promise<string> {
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8');
  }
  const m = messages(lang);
  stderr(m.prompt());
  stdin.setRawMode(true);
  let text = '';
  try {
    text = await new Promise<string>((resolve, reject) => {
      let collected = '';
      const onData = (chunk: Buffer | string) => {
        for (const char of String(chunk)) {
          if (END_OF_INPUT.has(char) || char === INTERRUPT) {
            stdin.off('data', onData);
            stdin.pause();
            if (char === INTERRUPT) reject(new PasteInterruptedError());
            else resolve(collected);
            return;
          }
          // Raw mode delivers Enter as a carriage return.
          collected += char === '\r' ? '\n' : char;
        }
      };
      stdin.on('data', onData);
      stdin.resume();
    });
  } finally {
    stdin.setRawMode(false);
  }
  const trimmed = text.replace(/\n+$/, '');
  stderr(m.received(trimmed.length, trimmed === '' ? 0 : trimmed.split('\n').length));
  return text;
}
