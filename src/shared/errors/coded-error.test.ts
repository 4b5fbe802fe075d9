import { describe, expect, it } from 'vitest';
import { CodedError, isCodedError } from './coded-error.ts';

class DiskError extends CodedError<'DISK_FULL', { path: string }> {}

describe('CodedError', () => {
  it('carries a code, params for the edge and the cause', () => {
    const cause = new Error('ENOSPC');
    const error = new DiskError('DISK_FULL', 'No space left for /tmp/x', {
      params: { path: '/tmp/x' },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(isCodedError(error)).toBe(true);
    expect(error.code).toBe('DISK_FULL');
    expect(error.params).toEqual({ path: '/tmp/x' });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('No space left for /tmp/x');
  });

  it('has empty params when none are given, and is not confused with a plain Error', () => {
    expect(new CodedError('X', 'x').params).toEqual({});
    expect(isCodedError(new Error('x'))).toBe(false);
    expect(isCodedError({ code: 'X', message: 'x' })).toBe(false);
  });
});
