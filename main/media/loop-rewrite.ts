import type { Fragment } from './fmp4';
import { dataView } from './mp4-boxes';

/**
 * A clip's fragment, re-stamped for its place in the endless live stream: tfdt gets the live
 * decode time and mfhd the live sequence number, so a player sees one continuous timeline across
 * every loop of the clip — no EXT-X-DISCONTINUITY, no timestamp jump for MSE to trip on.
 * The stored fragment stays untouched; the copy is small (tens of kB).
 */
export function restampFragment(fragment: Fragment, decodeTime: bigint, sequenceNumber: number): Buffer {
  const out = Buffer.from(fragment.bytes);
  const view = dataView(out);
  view.setBigUint64(fragment.decodeTimeAt, decodeTime);
  // mfhd's sequence number is 32 bits; it only has to increase from one fragment to the next.
  view.setUint32(fragment.sequenceNumberAt, sequenceNumber >>> 0);
  return out;
}
