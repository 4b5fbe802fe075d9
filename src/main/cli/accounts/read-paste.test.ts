import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PasteInterruptedError, readPaste, type PasteInput } from './read-paste.ts';

const SECRET = 'p20t=0123456789abcdef0123456789abcdef';

/** A terminal's stdin: records raw-mode switches; the test types into it. */
function fakeTerminal() {
  const stream = new PassThrough() as PassThrough & PasteInput;
  const modes: boolean[] = [];
  stream.isTTY = true;
  stream.setRawMode = (mode: boolean) => void modes.push(mode);
  return { stream, modes };
}

describe('readPaste from a terminal', () => {
  it('reads without echo (raw mode) until Ctrl+D, then says only how much it received', async () => {
    const { stream, modes } = fakeTerminal();
    let err = '';
    const reading = readPaste(stream, (t) => void (err += t), 'en');
    stream.write(`curl 'https://www.binance.com/bapi/x' \\\r  -b '${SECRET}'\r`);
    stream.write('\u0004');
    const text = await reading;
    expect(text).toBe(`curl 'https://www.binance.com/bapi/x' \\\n  -b '${SECRET}'\n`);
    expect(modes).toEqual([true, false]);
    expect(err).toContain('not shown on screen');
    expect(err).toContain(`Received ${text.length - 1} characters on 2 line(s) (not shown).`);
    expect(err).not.toContain(SECRET);
  });

  it('Ctrl+C abandons the paste and gives the terminal back', async () => {
    const { stream, modes } = fakeTerminal();
    const reading = readPaste(stream, () => {}, 'zh-CN');
    stream.write('curl \u0003');
    await expect(reading).rejects.toBeInstanceOf(PasteInterruptedError);
    expect(modes).toEqual([true, false]);
  });

  it('a pipe is read to its end, as before', async () => {
    const stream = new PassThrough();
    const reading = readPaste(stream, () => {}, 'en');
    stream.end('curl x\n');
    expect(await reading).toBe('curl x\n');
  });
});
