// Generates the app and tray icons as PNGs with no dependencies (run: node resources/generate-icons.mjs).
// A filled disc per tray state; the app icon is a larger disc with a ring, 1024 px because
// electron-builder makes the macOS .icns (needs at least 512), the Windows .ico and the Linux
// icon sizes from it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const here = new URL('.', import.meta.url);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x + 0.5, y + 0.5, size), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const disc = (rgb, ring) => (x, y, size) => {
  const r = Math.hypot(x - size / 2, y - size / 2) / (size / 2);
  if (r > 0.92) return [0, 0, 0, 0];
  if (ring && r > 0.78) return [255, 255, 255, 255];
  return [...rgb, 255];
};

const STATES = {
  live: [46, 160, 67],
  reconnecting: [230, 162, 60],
  failed: [218, 54, 51],
  stopped: [139, 148, 158],
};
for (const [state, rgb] of Object.entries(STATES)) {
  writeFileSync(new URL(`tray-${state}.png`, here), png(16, disc(rgb, false)));
  writeFileSync(new URL(`tray-${state}@2x.png`, here), png(32, disc(rgb, false)));
}
writeFileSync(new URL('icon.png', here), png(1024, disc([240, 185, 11], true)));
