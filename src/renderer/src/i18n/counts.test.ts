import { describe, expect, it } from 'vitest';
import { messagesFor } from './i18n.tsx';

describe('counted words', () => {
  it('gaps: singular and plural in English, a measure word in Chinese', () => {
    const en = messagesFor('en');
    expect([0, 1, 2].map(en.gapCount)).toEqual(['0 gaps', '1 gap', '2 gaps']);
    const zh = messagesFor('zh-CN');
    expect([0, 1, 2].map(zh.gapCount)).toEqual(['0 次中断', '1 次中断', '2 次中断']);
  });

  it('a deleted session says how many exported files went with it', () => {
    const en = messagesFor('en');
    expect([0, 1, 3].map(en.sessionDeleted)).toEqual([
      'Session deleted.',
      'Session deleted, with 1 exported file.',
      'Session deleted, with 3 exported files.',
    ]);
    expect(messagesFor('zh-CN').sessionDeleted(3)).toBe('会话已删除，连同 3 个导出文件。');
  });
});
