/**
 * File type by content (magic numbers), never by name. Only what the console can preview with
 * the browser's own <img>, <audio> and <video> elements is accepted.
 */

export type AttachmentKind = 'image' | 'audio' | 'video';

export interface SniffedType {
  mime: string;
  kind: AttachmentKind;
}

/** How many leading bytes `sniff` wants to see (it copes with fewer). */
export const SNIFF_BYTES = 64;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (bytes.length < start + length) return '';
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** ISO BMFF brands that are still images (HEIF/AVIF): not video, and not accepted. */
const IMAGE_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'hevm',
  'hevs',
  'mif1',
  'msf1',
  'avif',
  'avis',
]);
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

/** MP4 / MOV / M4A: a leading `ftyp` box with a printable major brand. */
function sniffIsoBmff(bytes: Uint8Array): SniffedType | null {
  if (ascii(bytes, 4, 4) !== 'ftyp') return null;
  const boxSize = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  if (boxSize < 16 || boxSize > 4096) return null;
  const brand = ascii(bytes, 8, 4);
  if (!/^[\x20-\x7e]{4}$/.test(brand) || IMAGE_BRANDS.has(brand)) return null;
  if (AUDIO_BRANDS.has(brand)) return { mime: 'audio/mp4', kind: 'audio' };
  if (brand === 'qt  ') return { mime: 'video/quicktime', kind: 'video' };
  return { mime: 'video/mp4', kind: 'video' };
}

/** WebM / Matroska: the EBML magic, then the DocType within the header. */
function sniffEbml(bytes: Uint8Array): SniffedType | null {
  if (!startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return null;
  const head = ascii(bytes, 0, Math.min(bytes.length, SNIFF_BYTES));
  if (head.includes('webm')) return { mime: 'video/webm', kind: 'video' };
  return { mime: 'video/x-matroska', kind: 'video' };
}

/** AAC in ADTS frames: 12-bit sync, layer 00, a valid sampling-frequency index. */
function sniffAdts(bytes: Uint8Array): SniffedType | null {
  const [b0, b1, b2] = bytes;
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xf6) !== 0xf0) return null;
  const frequencyIndex = (b2 >> 2) & 0x0f;
  return frequencyIndex <= 12 ? { mime: 'audio/aac', kind: 'audio' } : null;
}

/** MPEG audio frame header (MP3 without an ID3 tag): sync, and no reserved field values. */
function sniffMpegFrame(bytes: Uint8Array): SniffedType | null {
  const [b0, b1, b2] = bytes;
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 0x03; // 01 reserved
  const layer = (b1 >> 1) & 0x03; // 00 reserved (ADTS uses it)
  const bitrate = (b2 >> 4) & 0x0f; // 1111 invalid; 0000 "free" is practically unused
  const sampleRate = (b2 >> 2) & 0x03; // 11 reserved
  if (version === 0b01 || layer === 0b00 || bitrate === 0x0f || bitrate === 0 || sampleRate === 0b11) return null;
  return { mime: 'audio/mpeg', kind: 'audio' };
}

/** The type of a file from its first bytes, or null when it is not one we accept. */
export function sniff(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', kind: 'image' };
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return { mime: 'image/gif', kind: 'image' };
  if (ascii(bytes, 0, 4) === 'RIFF') {
    const form = ascii(bytes, 8, 4);
    if (form === 'WEBP') return { mime: 'image/webp', kind: 'image' };
    if (form === 'WAVE') return { mime: 'audio/wav', kind: 'audio' };
    return null;
  }
  if (ascii(bytes, 0, 4) === 'OggS') return { mime: 'audio/ogg', kind: 'audio' };
  if (ascii(bytes, 0, 3) === 'ID3') return { mime: 'audio/mpeg', kind: 'audio' };
  return sniffIsoBmff(bytes) ?? sniffEbml(bytes) ?? sniffAdts(bytes) ?? sniffMpegFrame(bytes);
}
