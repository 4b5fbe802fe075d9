import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { UpdateCoalescer } from './update-coalescer.ts';

describe('UpdateCoalescer', () => {
  it('hands on a lone item at the end of its turn, then at most one batch per interval', async () => {
    const clock = new FakeClock();
    const batches: number[][] = [];
    const coalescer = new UpdateCoalescer<number>(clock, (b) => batches.push(b), 16);
    coalescer.push(1);
    expect(batches).toEqual([]);
    await clock.advance(0);
    expect(batches).toEqual([[1]]);
    // Within the interval after a batch: held until it ends, together.
    await clock.advance(5);
    coalescer.push(2);
    coalescer.push(3);
    await clock.advance(10);
    expect(batches).toEqual([[1]]);
    await clock.advance(1);
    expect(batches).toEqual([[1], [2, 3]]);
    // After a quiet interval: at once again.
    await clock.advance(100);
    coalescer.push(4);
    await clock.advance(0);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('flush hands on what waits now; dispose drops it', async () => {
    const clock = new FakeClock();
    const batches: number[][] = [];
    const coalescer = new UpdateCoalescer<number>(clock, (b) => batches.push(b), 16);
    coalescer.push(1);
    coalescer.flush();
    expect(batches).toEqual([[1]]);
    coalescer.push(2);
    coalescer.dispose();
    await clock.advance(100);
    expect(batches).toEqual([[1]]);
  });
});
