import { describe, expect, it } from 'vitest';
import { findEnglishSentence } from './english-sentence.ts';

describe('findEnglishSentence', () => {
  it('finds English prose inside Chinese text', () => {
    expect(
      findEnglishSentence(
        '会话被拒绝（VERIFICATION_REQUIRED）：Binance requires supplementary verification…',
      ),
    ).toBe('requires supplementary verification');
  });

  it('lets product names, flags, codes, URLs, paths and quoted outside text through', () => {
    expect(
      findEnglishSentence(
        '无法连接 http://127.0.0.1:9（“connect ECONNREFUSED 127.0.0.1:9”）；运行 alpha-monitor accounts add --from-curl <文件>，币安 Binance Alpha App',
      ),
    ).toBeNull();
  });

  it('takes a comma-separated list of names for names, not a sentence', () => {
    expect(
      findEnglishSentence('找到的请求头：bnc-uuid, user-agent, accept, clienttype, lang'),
    ).toBeNull();
    expect(findEnglishSentence('丢弃：origin, the session works, referer')).toContain(
      'the session works',
    );
  });
});
