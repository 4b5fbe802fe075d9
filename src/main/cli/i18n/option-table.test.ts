import { describe, expect, it } from 'vitest';
import { displayWidth, optionTable } from './option-table.ts';

describe('optionTable', () => {
  it('counts CJK characters and full-width punctuation as two columns', () => {
    expect(displayWidth('--user <账户>')).toBe(13);
    expect(displayWidth('（默认 60）')).toBe(11);
    expect(displayWidth('--port N')).toBe(8);
  });

  it('lines descriptions up on screen, in Chinese as in English', () => {
    const text = optionTable([
      ['--user <账户>', '使用已保存的账户'],
      ['--credentials-file <路径>', '会话 JSON\n（chmod 600）'],
      ['--json', '输出 NDJSON'],
    ]);
    const lines = text.split('\n');
    const column = (line: string, needle: string) =>
      displayWidth(line.slice(0, line.indexOf(needle)));
    expect(column(lines[0]!, '使用')).toBe(column(lines[1]!, '会话'));
    expect(column(lines[1]!, '会话')).toBe(column(lines[2]!, '（'));
    expect(column(lines[2]!, '（')).toBe(column(lines[3]!, '输出'));
  });
});
