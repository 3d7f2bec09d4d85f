/**
 * Just enough ISO BMFF (MP4) box reading to split a fragmented MP4 and patch its timestamps.
 * Offsets are absolute within the buffer, so a caller can patch fields in place or in a copy.
 */

export interface Box {
  /** Four-character code, e.g. 'moof'. */
  type: string;
  /** Offset of the box's first byte (its size field). */
  start: number;
  /** Whole box, header included. */
  size: number;
  /** 8, or 16 with a 64-bit size. */
  headerSize: number;
}

export class Mp4FormatError extends Error {
  override name = 'Mp4FormatError';
}

export function dataView(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function boxEnd(box: Box): number {
  return box.start + box.size;
}

/** Where the payload starts: after the header, and after version+flags for a full box. */
export function payloadStart(box: Box, fullBox = false): number {
  return box.start + box.headerSize + (fullBox ? 4 : 0);
}

/** The boxes laid one after another in [start, end). Throws on a size that does not fit. */
export function readBoxes(buf: Uint8Array, start = 0, end = buf.length): Box[] {
  const view = dataView(buf);
  const boxes: Box[] = [];
  let offset = start;
  while (offset < end) {
    if (end - offset < 8) throw new Mp4FormatError(`truncated box header at ${offset}`);
    let size = view.getUint32(offset);
    const type = fourcc(view.getUint32(offset + 4));
    let headerSize = 8;
    if (size === 1) {
      if (end - offset < 16) throw new Mp4FormatError(`truncated 64-bit box header at ${offset}`);
      const large = view.getBigUint64(offset + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new Mp4FormatError(`box '${type}' too large`);
      size = Number(large);
      headerSize = 16;
    } else if (size === 0) {
      size = end - offset; // "extends to the end of the file"
    }
    if (size < headerSize || offset + size > end) {
      throw new Mp4FormatError(`box '${type}' at ${offset} has size ${size}, outside its parent`);
    }
    boxes.push({ type, start: offset, size, headerSize });
    offset += size;
  }
  return boxes;
}

/** The child boxes of a container box; `skip` bytes of the payload come first (e.g. stsd's header). */
export function childrenOf(buf: Uint8Array, box: Box, skip = 0): Box[] {
  return readBoxes(buf, box.start + box.headerSize + skip, boxEnd(box));
}

/** The first box of `type` among `boxes`, or a clear error naming what was looked for. */
export function requireBox(boxes: readonly Box[], type: string, where: string): Box {
  const found = boxes.find((b) => b.type === type);
  if (!found) throw new Mp4FormatError(`no '${type}' box in ${where}`);
  return found;
}

/** Follows a path of container boxes from the top level, e.g. ['moov', 'trak', 'mdia']. */
export function descend(buf: Uint8Array, path: readonly string[], from?: Box): Box {
  let current = from;
  for (const type of path) {
    const boxes = current ? childrenOf(buf, current) : readBoxes(buf);
    current = requireBox(boxes, type, current ? `'${current.type}'` : 'the file');
  }
  if (!current) throw new Mp4FormatError('empty box path');
  return current;
}

function fourcc(code: number): string {
  return String.fromCharCode((code >>> 24) & 0xff, (code >>> 16) & 0xff, (code >>> 8) & 0xff, code & 0xff);
}

/** A full box's 24-bit flags. */
export function fullBoxFlags(buf: Uint8Array, box: Box): number {
  return dataView(buf).getUint32(box.start + box.headerSize) & 0xffffff;
}

export function fullBoxVersion(buf: Uint8Array, box: Box): number {
  return dataView(buf).getUint8(box.start + box.headerSize);
}

/** Element `i`, or a format error: for lists whose length the file itself decides. */
export function nth<T>(items: readonly T[], i: number, what: string): T {
  const item = items[i];
  if (item === undefined) throw new Mp4FormatError(`missing ${what} #${i}`);
  return item;
}
