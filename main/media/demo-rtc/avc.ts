/**
 * H.264 in MP4 (ISO/IEC 14496-15): the avcC record's parameter sets and the length-prefixed NAL
 * units of a sample, as the demo clips store them. RTP wants bare NAL units (RFC 6184).
 */

export const NAL_IDR = 5;
export const NAL_SEI = 6;
export const NAL_SPS = 7;
export const NAL_PPS = 8;
export const NAL_AUD = 9;

export interface AvcConfig {
  /** Bytes of each NAL unit's length prefix in a sample (1, 2 or 4). */
  lengthSize: number;
  sps: Buffer[];
  pps: Buffer[];
}

export class AvcFormatError extends Error {
  override name = 'AvcFormatError';
}

export function nalType(nal: Uint8Array): number {
  return (nal[0] ?? 0) & 0x1f;
}

/** Parameter sets and NAL length size from an avcC payload (AVCDecoderConfigurationRecord). */
export function parseAvcConfig(avcC: Buffer): AvcConfig {
  if (avcC.length < 7 || avcC[0] !== 1) throw new AvcFormatError('not an avcC record (version 1)');
  const lengthSize = ((avcC[4] ?? 0) & 0x03) + 1;
  if (lengthSize === 3) throw new AvcFormatError('avcC: NAL length size 3 is not allowed');
  // version, profile, compatibility, level, length size, SPS count: the sets follow at byte 6.
  let at = 6;
  const sets = (count: number): Buffer[] => {
    const out: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 2 > avcC.length) throw new AvcFormatError('avcC: truncated parameter set');
      const size = avcC.readUInt16BE(at);
      at += 2;
      if (size === 0 || at + size > avcC.length) throw new AvcFormatError('avcC: parameter set outside the record');
      out.push(avcC.subarray(at, at + size));
      at += size;
    }
    return out;
  };
  const sps = sets((avcC[5] ?? 0) & 0x1f);
  if (at >= avcC.length) throw new AvcFormatError('avcC: no PPS count');
  const ppsCount = avcC[at] ?? 0;
  at += 1;
  const pps = sets(ppsCount);
  if (sps.length === 0 || pps.length === 0) throw new AvcFormatError('avcC: no SPS or no PPS');
  return { lengthSize, sps, pps };
}

/** The NAL units of one sample (views into `data`, no copies). Throws on a length past the end. */
export function splitNalUnits(data: Buffer, lengthSize: number): Buffer[] {
  const nals: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    if (at + lengthSize > data.length) throw new AvcFormatError('truncated NAL length');
    const size = data.readUIntBE(at, lengthSize);
    at += lengthSize;
    if (at + size > data.length) throw new AvcFormatError('NAL unit past the end of its sample');
    if (size > 0) nals.push(data.subarray(at, at + size));
    at += size;
  }
  return nals;
}

/**
 * What goes on the wire for one picture: in-band parameter sets and access unit delimiters are
 * dropped, and an IDR picture gets the stream's SPS and PPS in front — so every IDR is decodable on
 * its own, whatever the encoder repeated.
 */
export function accessUnit(nals: readonly Buffer[], config: AvcConfig): Buffer[] {
  const kept = nals.filter((n) => {
    const type = nalType(n);
    return type !== NAL_SPS && type !== NAL_PPS && type !== NAL_AUD;
  });
  if (!kept.some((n) => nalType(n) === NAL_IDR)) return kept;
  return [...config.sps, ...config.pps, ...kept];
}
