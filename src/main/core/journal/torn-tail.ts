import type { JournalFile } from './journal-fs.ts';

const CHUNK_BYTES = 64 * 1024;

/**
 * Cuts a torn last line (the process died while writing it) so that what follows starts on a
 * line of its own, and returns the new size. A file that ends with a newline is left alone.
 */
export async function cutTornTail(file: JournalFile, size: number): Promise<number> {
  if (size === 0) return 0;
  const last = Buffer.alloc(1);
  await file.read(last, size - 1);
  if (last[0] === 0x0a) return size;
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - CHUNK_BYTES);
    const chunk = Buffer.alloc(end - start);
    const read = await file.read(chunk, start);
    const newline = chunk.subarray(0, read).lastIndexOf(0x0a);
    if (newline !== -1) {
      const keep = start + newline + 1;
      await file.truncate(keep);
      return keep;
    }
    end = start;
  }
  await file.truncate(0);
  return 0;
}
