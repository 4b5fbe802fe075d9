import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The marker @electron/fuses looks for in an Electron binary; the fuse wire follows it. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
const ENABLED = 0x31; // '1'
const DISABLED = 0x30; // '0'

/**
 * The eight V1 fuses of an unpatched Electron 45, in wire order: RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, asar only off,
 * browser V8 snapshot off, file:// privileges on.
 */
const ELECTRON_DEFAULT_WIRE = [true, false, true, true, false, false, false, true];

/**
 * Writes a stand-in for an Electron executable: a few bytes of script, then the fuse wire
 * exactly as a real binary carries it, so the real @electron/fuses can read and flip it.
 */
export async function writeFuseWireBinary(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const wire = ELECTRON_DEFAULT_WIRE.map((on) => (on ? ENABLED : DISABLED));
  await writeFile(
    path,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "not Electron: a fuse-wire stand-in for tests"\n'),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([FUSE_WIRE_VERSION, wire.length, ...wire]),
      Buffer.from('\n'),
    ]),
  );
  await chmod(path, 0o755);
}
