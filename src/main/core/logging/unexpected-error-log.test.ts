import { afterEach, describe, expect, it } from 'vitest';
import { Emitter } from '../../../shared/event/emitter.ts';
import { onUnexpectedError } from '../../../shared/errors/unexpected-error.ts';
import { createStreamLogger } from '../ports/logger.ts';
import { logUnexpectedErrors } from './unexpected-error-log.ts';

function fieldsOf(line: string): Record<string, string> {
  return JSON.parse(line.slice(line.indexOf('{'))) as Record<string, string>;
}

describe('a listener error reaches the log of the composition root', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('is logged at error level with the emitter as component, its message and stack', () => {
    const lines: string[] = [];
    restore = logUnexpectedErrors(
      createStreamLogger({ minLevel: 'warn', write: (line) => lines.push(line) }),
    );
    const emitter = new Emitter<number>({ name: 'stream-session.state' });
    emitter.event(() => {
      throw new Error('listener broke');
    });

    emitter.fire(1);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ ERROR \[stream-session\.state\] unexpected error /);
    expect(fieldsOf(lines[0]!)).toMatchObject({
      origin: 'event listener',
      error: 'listener broke',
    });
    expect(fieldsOf(lines[0]!).stack).toContain('listener broke');
  });

  it('keeps the account and component of the logger it was given, and an error’s own account', () => {
    const lines: string[] = [];
    const logger = createStreamLogger({ minLevel: 'info', write: (line) => lines.push(line) });
    restore = logUnexpectedErrors(logger.child({ component: 'cli' }));
    onUnexpectedError(new Error('x'), 'promise', { account: 'main' });
    expect(lines[0]).toMatch(/ ERROR \[cli main\] unexpected error /);
  });
});

describe('child loggers', () => {
  it('carry account and component on every entry, the child’s winning', () => {
    const lines: string[] = [];
    const root = createStreamLogger({ minLevel: 'debug', write: (line) => lines.push(line) });
    const monitor = root.child({ account: 'main', component: 'monitor' });
    monitor.warn('stream connection lost', { retryInMs: 250 });
    monitor.child({ component: 'rest' }).info('sent');
    expect(lines[0]).toMatch(/ WARN \[monitor main\] stream connection lost \{"retryInMs":250\}$/);
    expect(lines[1]).toMatch(/ INFO \[rest main\] sent$/);
  });
});
