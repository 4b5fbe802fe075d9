import { afterEach, describe, expect, it } from 'vitest';
import { setUnexpectedErrorHandler } from '../errors/unexpected-error.ts';
import { Emitter } from './emitter.ts';

describe('Emitter', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('reports a listener that throws to onUnexpectedError, and the other listeners still run', () => {
    const reported: Array<{ message: string; origin: string }> = [];
    restore = setUnexpectedErrorHandler((error, origin) =>
      reported.push({ message: (error as Error).message, origin }),
    );
    const emitter = new Emitter<number>({ name: 'test.numbers' });
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('listener broke');
    });
    emitter.event((value) => seen.push(value));

    emitter.fire(7);

    expect(seen).toEqual([7]);
    expect(reported).toEqual([{ message: 'listener broke', origin: 'event listener' }]);
  });

  it('stops calling a disposed listener', () => {
    const emitter = new Emitter<string>({ name: 'test.strings' });
    const seen: string[] = [];
    const subscription = emitter.event((value) => seen.push(value));
    emitter.fire('a');
    subscription.dispose();
    emitter.fire('b');
    expect(seen).toEqual(['a']);
    expect(emitter.hasListeners).toBe(false);
  });
});
