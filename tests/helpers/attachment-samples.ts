/** Small files of each accepted kind, by their first bytes (attachments are recognised by content). */

export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A PCM WAV of `samples` 16-bit mono samples of silence (optionally with a ramp so contents differ). */
export function wav(samples: number, seed = 0): Buffer {
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(seed ? (i * seed) % 3000 : 0, i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** An ISO BMFF file start: `ftyp` box with `brand`, then an empty `free` box and some `mdat` bytes. */
export function isoBmff(brand: string): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftyp', 4, 'ascii');
  ftyp.write(brand, 8, 'ascii');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isommp41', 16, 'ascii');
  const mdat = Buffer.alloc(40);
  mdat.writeUInt32BE(40, 0);
  mdat.write('mdat', 4, 'ascii');
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8, 0x66, 0x72, 0x65, 0x65]), mdat]);
}

/** The EBML header of a WebM file (DocType "webm"), then a Segment start. */
export const WEBM = Buffer.from(
  '1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102' + '18538067' + '01ffffffffffffff',
  'hex',
);
