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

  it('reports a throwing listener when it is the only one, and calls a listener added by another from the next fire on', () => {
    const reported: string[] = [];
    restore = setUnexpectedErrorHandler((error) => reported.push((error as Error).message));
    const lone = new Emitter<number>({ name: 'test.lone' });
    lone.event(() => {
      throw new Error('only listener broke');
    });
    lone.fire(1);
    expect(reported).toEqual(['only listener broke']);

    for (const first of [1, 2]) {
      const emitter = new Emitter<number>({ name: 'test.added' });
      const seen: string[] = [];
      let added = false;
      for (let i = 0; i < first; i++)
        emitter.event((value) => {
          seen.push(`first ${value}`);
          if (!added) emitter.event((v) => seen.push(`added ${v}`));
          added = true;
        });
      emitter.fire(1);
      emitter.fire(2);
      expect(seen.filter((s) => s.startsWith('added'))).toEqual(['added 2']);
    }
  });
});
