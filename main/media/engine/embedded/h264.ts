/**
 * H.264 RTP payload inspection (RFC 6184), just enough to know where a decoder can start:
 * an access unit that carries an SPS (type 7) or the first fragment of an IDR slice (type 5).
 * Single NAL units, STAP-A (24) and FU-A (28) are what ffmpeg and cameras send.
 */

const NAL_IDR = 5;
const NAL_SPS = 7;
const STAP_A = 24;
const FU_A = 28;

/** The NAL unit types a payload starts (FU-A: only its start fragment counts). */
export function nalTypes(payload: Uint8Array): number[] {
  const first = payload[0];
  if (first === undefined) return [];
  const type = first & 0x1f;
  if (type >= 1 && type <= 23) return [type];
  if (type === STAP_A) {
    const types: number[] = [];
    let at = 1;
    // Bounded by the payload: every step advances by at least 2 bytes.
    while (at + 2 < payload.length) {
      const size = ((payload[at] ?? 0) << 8) | (payload[at + 1] ?? 0);
      const nal = payload[at + 2];
      if (size === 0 || nal === undefined) break;
      types.push(nal & 0x1f);
      at += 2 + size;
    }
    return types;
  }
  if (type === FU_A) {
    const header = payload[1];
    if (header === undefined || (header & 0x80) === 0) return [];
    return [header & 0x1f];
  }
  return [];
}

/** True when the payload begins a keyframe: an SPS, or the start of an IDR slice. */
export function startsKeyframe(payload: Uint8Array): boolean {
  return nalTypes(payload).some((t) => t === NAL_IDR || t === NAL_SPS);
}

/** profile-level-id (6 hex digits) from an SPS carried in the payload, if there is one. */
export function spsProfileLevelId(payload: Uint8Array): string | undefined {
  const first = payload[0];
  if (first === undefined) return undefined;
  let sps: Uint8Array | undefined;
  if ((first & 0x1f) === NAL_SPS) sps = payload.subarray(0);
  else if ((first & 0x1f) === STAP_A) {
    let at = 1;
    while (at + 2 < payload.length) {
      const size = ((payload[at] ?? 0) << 8) | (payload[at + 1] ?? 0);
      if (size === 0) break;
      const nal = payload.subarray(at + 2, at + 2 + size);
      if (((nal[0] ?? 0) & 0x1f) === NAL_SPS) {
        sps = nal;
        break;
      }
      at += 2 + size;
    }
  }
  if (!sps || sps.length < 4) return undefined;
  return Buffer.from(sps.subarray(1, 4)).toString('hex');
}
