import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryCliContext } from '../../../test/fakes/memory-cli-context.ts';
import { main } from './main.ts';

const VERSION = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as {
    version: string;
  }
).version;

describe('alpha-monitor', () => {
  let blocker: Server | undefined;
  afterEach(async () => {
    await new Promise((done) => (blocker ? blocker.close(done) : done(undefined)));
    blocker = undefined;
  });

  it.each(['--version', '-V', 'version'])('%s prints the version and exits 0', async (arg) => {
    const t = createMemoryCliContext();
    expect(await main([arg], t.context)).toBe(0);
    expect(t.stdout).toBe(`alpha-monitor ${VERSION}\n`);
  });

  it('serve on a taken port says so in one line and exits 1, no stack', async () => {
    blocker = createServer();
    const port = await new Promise<number>((done) =>
      blocker!.listen(0, '127.0.0.1', () => done((blocker!.address() as { port: number }).port)),
    );
    const t = createMemoryCliContext('zh-CN');
    expect(await main(['serve', '--port', String(port)], t.context)).toBe(1);
    expect(t.stderr).toBe(
      `127.0.0.1 的端口 ${port} 已被占用（另一个 serve 或其他程序）。请用 --port 换一个，或省略以使用空闲端口。\n`,
    );
  });
});
