import {
  Mp4FormatError,
  boxEnd,
  childrenOf,
  dataView,
  descend,
  fullBoxFlags,
  fullBoxVersion,
  nth,
  payloadStart,
  readBoxes,
  requireBox,
  type Box,
} from './mp4-boxes';

/**
 * Splits a single-track fragmented MP4 (as made by scripts/make-demo-clips.mjs) into the init
 * segment (ftyp + moov) and one media segment per moof+mdat, and records where each segment's
 * decode time and sequence number live so the loop can rewrite them (loop-rewrite.ts).
 */

export interface TrackInfo {
  timescale: number;
  width: number;
  height: number;
  /** RFC 6381 codec string, e.g. avc1.4d401e (main profile, level 3.0). */
  codecs: string;
  /** The avcC record's payload (SPS, PPS, NAL length size) of an H.264 track; null for others. */
  avcC: Buffer | null;
}

/** One sample (a coded picture) of a fragment. */
export interface Sample {
  /** Offset of its data in the fragment's `bytes`. */
  offset: number;
  size: number;
  /** Decode time relative to the fragment's start, in ticks. */
  decodeOffset: number;
  duration: number;
  /** Composition time offset (presentation minus decode), in ticks. */
  compositionOffset: number;
  /** A sync sample (an IDR picture). */
  sync: boolean;
}

export interface Fragment {
  /** moof + mdat, as in the file. Never modified: rewrites work on a copy. */
  bytes: Buffer;
  /** tfdt baseMediaDecodeTime in the file, in timescale ticks. */
  decodeTime: bigint;
  /** Sum of the sample durations, in ticks. */
  duration: number;
  /** The first sample is a sync sample (an IDR frame), so a player can start here. */
  startsWithKeyframe: boolean;
  /** Offset in `bytes` of mfhd's sequence_number (uint32). */
  sequenceNumberAt: number;
  /** Offset in `bytes` of tfdt's 64-bit baseMediaDecodeTime (version 1 only, see below). */
  decodeTimeAt: number;
  /** Its samples in decode order (for the demo cameras' RTP, main/media/demo-rtc). */
  samples: Sample[];
}

export interface FragmentedClip {
  init: Buffer;
  track: TrackInfo;
  fragments: Fragment[];
}

// tfhd flags (ISO/IEC 14496-12 §8.8.7)
const TFHD_BASE_DATA_OFFSET = 0x01;
const TFHD_SAMPLE_DESCRIPTION_INDEX = 0x02;
const TFHD_DEFAULT_DURATION = 0x08;
const TFHD_DEFAULT_SIZE = 0x10;
const TFHD_DEFAULT_FLAGS = 0x20;
// trun flags (§8.8.8)
const TRUN_DATA_OFFSET = 0x001;
const TRUN_FIRST_SAMPLE_FLAGS = 0x004;
const TRUN_SAMPLE_DURATION = 0x100;
const TRUN_SAMPLE_SIZE = 0x200;
const TRUN_SAMPLE_FLAGS = 0x400;
const TRUN_SAMPLE_CTO = 0x800;
/** sample_is_non_sync_sample in the sample flags word. */
const NON_SYNC = 0x10000;

interface TrackDefaults {
  duration: number;
  size: number;
  flags: number;
}

export function splitFragmentedMp4(file: Buffer): FragmentedClip {
  const top = readBoxes(file);
  const ftyp = requireBox(top, 'ftyp', 'the file');
  const moov = requireBox(top, 'moov', 'the file');
  const init = Buffer.concat([box(file, ftyp), box(file, moov)]);
  const traks = childrenOf(file, moov).filter((b) => b.type === 'trak');
  if (traks.length !== 1) throw new Mp4FormatError(`expected one track, found ${traks.length}`);
  const track = trackInfo(file, nth(traks, 0, 'trak'));
  const defaults = trexDefaults(file, moov);

  const fragments: Fragment[] = [];
  for (const [i, moof] of top.entries()) {
    if (moof.type !== 'moof') continue;
    const mdat = top[i + 1];
    if (mdat?.type !== 'mdat') throw new Mp4FormatError(`moof at ${moof.start} is not followed by mdat`);
    fragments.push(readFragment(file, moof, mdat, defaults));
  }
  if (fragments.length === 0) throw new Mp4FormatError('no fragments: not a fragmented MP4');
  return { init, track, fragments };
}

function box(file: Buffer, b: Box): Buffer {
  return file.subarray(b.start, boxEnd(b));
}

function trackInfo(file: Buffer, trak: Box): TrackInfo {
  const view = dataView(file);
  const tkhd = descend(file, ['tkhd'], trak);
  // width and height are the last two 16.16 fixed-point fields of tkhd, in either version.
  const width = view.getUint32(boxEnd(tkhd) - 8) >>> 16;
  const height = view.getUint32(boxEnd(tkhd) - 4) >>> 16;
  const mdhd = descend(file, ['mdia', 'mdhd'], trak);
  const timescale = view.getUint32(payloadStart(mdhd, true) + (fullBoxVersion(file, mdhd) === 1 ? 16 : 8));
  if (timescale === 0) throw new Mp4FormatError('mdhd timescale is 0');
  const stsd = descend(file, ['mdia', 'minf', 'stbl', 'stsd'], trak);
  const entry = childrenOf(file, stsd, 8)[0]; // skip version/flags + entry_count
  if (!entry) throw new Mp4FormatError('stsd has no sample entry');
  const avcC = avcConfig(file, entry);
  return { timescale, width, height, codecs: codecString(entry, avcC), avcC };
}

/** The avcC payload of an avc1/avc3 sample entry; null for other codecs. */
function avcConfig(file: Buffer, entry: Box): Buffer | null {
  if (entry.type !== 'avc1' && entry.type !== 'avc3') return null;
  // A visual sample entry has 78 bytes of fixed fields before its child boxes.
  const avcC = requireBox(childrenOf(file, entry, 78), 'avcC', `'${entry.type}'`);
  return file.subarray(payloadStart(avcC), boxEnd(avcC));
}

/** avc1.PPCCLL from the avcC record; other codecs by their sample-entry name. */
function codecString(entry: Box, avcC: Buffer | null): string {
  if (!avcC || avcC.length < 4) return entry.type;
  // configurationVersion, then profile, profile compatibility, level: one byte each.
  const word = dataView(avcC).getUint32(0);
  const hex = (word & 0xffffff).toString(16).padStart(6, '0');
  return `${entry.type}.${hex}`;
}

function trexDefaults(file: Buffer, moov: Box): TrackDefaults {
  const mvex = childrenOf(file, moov).find((b) => b.type === 'mvex');
  if (!mvex) throw new Mp4FormatError("no 'mvex' in moov: not a fragmented MP4");
  const trex = requireBox(childrenOf(file, mvex), 'trex', "'mvex'");
  const view = dataView(file);
  const at = payloadStart(trex, true); // track_ID, description index, duration, size, flags
  return { duration: view.getUint32(at + 8), size: view.getUint32(at + 12), flags: view.getUint32(at + 16) };
}

/** The fragment's sample defaults: those its tfhd states, else the track's (trex). */
function fragmentDefaults(file: Buffer, tfhd: Box, trex: TrackDefaults): TrackDefaults {
  const view = dataView(file);
  const tfhdFlags = fullBoxFlags(file, tfhd);
  // Absolute data offsets would point into the original file, not into the served segment.
  if (tfhdFlags & TFHD_BASE_DATA_OFFSET) throw new Mp4FormatError('tfhd base-data-offset is not supported');
  let at = payloadStart(tfhd, true) + 4; // after track_ID
  if (tfhdFlags & TFHD_SAMPLE_DESCRIPTION_INDEX) at += 4;
  let { duration, size, flags } = trex;
  if (tfhdFlags & TFHD_DEFAULT_DURATION) {
    duration = view.getUint32(at);
    at += 4;
  }
  if (tfhdFlags & TFHD_DEFAULT_SIZE) {
    size = view.getUint32(at);
    at += 4;
  }
  if (tfhdFlags & TFHD_DEFAULT_FLAGS) flags = view.getUint32(at);
  return { duration, size, flags };
}

function readFragment(file: Buffer, moof: Box, mdat: Box, trex: TrackDefaults): Fragment {
  const view = dataView(file);
  const moofChildren = childrenOf(file, moof);
  const mfhd = requireBox(moofChildren, 'mfhd', "'moof'");
  const trafs = moofChildren.filter((b) => b.type === 'traf');
  if (trafs.length !== 1) throw new Mp4FormatError(`moof at ${moof.start} has ${trafs.length} trafs, expected 1`);
  const trafChildren = childrenOf(file, nth(trafs, 0, 'traf'));
  const tfhd = requireBox(trafChildren, 'tfhd', "'traf'");
  const tfdt = requireBox(trafChildren, 'tfdt', "'traf'");
  const truns = trafChildren.filter((b) => b.type === 'trun');
  if (truns.length === 0) throw new Mp4FormatError(`traf at ${moof.start} has no trun`);

  const { duration: defaultDuration, size: defaultSize, flags: defaultFlags } = fragmentDefaults(file, tfhd, trex);

  // Version 1 (64-bit) only: decode times since the demo epoch outgrow 32 bits within days, and
  // widening the box in place would shift every data offset. ffmpeg's mp4 muxer writes version 1.
  if (fullBoxVersion(file, tfdt) !== 1) {
    throw new Mp4FormatError('tfdt version 0: regenerate the clip with scripts/make-demo-clips.mjs');
  }
  const decodeTimeAt = payloadStart(tfdt, true);

  const start = moof.start;
  let duration = 0;
  let firstFlags: number | null = null;
  const samples: Sample[] = [];
  // Sample data: from moof's first byte plus a run's data offset (the default base, as no
  // base-data-offset is allowed), else right after the previous run's data (or mdat's header).
  let dataAt = payloadStart(mdat);
  for (const trun of truns) {
    const runFlags = fullBoxFlags(file, trun);
    let p = payloadStart(trun, true);
    const count = view.getUint32(p);
    p += 4;
    if (runFlags & TRUN_DATA_OFFSET) {
      dataAt = start + view.getInt32(p);
      p += 4;
    }
    let runFirstFlags: number | null = null;
    if (runFlags & TRUN_FIRST_SAMPLE_FLAGS) {
      runFirstFlags = view.getUint32(p);
      p += 4;
    }
    const perSample = [TRUN_SAMPLE_DURATION, TRUN_SAMPLE_SIZE, TRUN_SAMPLE_FLAGS, TRUN_SAMPLE_CTO].filter(
      (f) => runFlags & f,
    ).length;
    if (p + count * perSample * 4 > boxEnd(trun)) throw new Mp4FormatError(`trun at ${trun.start} is truncated`);
    for (let s = 0; s < count; s++) {
      let q = p + s * perSample * 4;
      const next = (flag: number, fallback: number): number => {
        if (!(runFlags & flag)) return fallback;
        const value = view.getUint32(q);
        q += 4;
        return value;
      };
      const sampleDuration = next(TRUN_SAMPLE_DURATION, defaultDuration);
      const size = next(TRUN_SAMPLE_SIZE, defaultSize);
      const ownFlags = next(TRUN_SAMPLE_FLAGS, defaultFlags);
      const flags = s === 0 && runFirstFlags !== null ? runFirstFlags : ownFlags;
      // Version 1 offsets are signed; version 0 ones are small enough either way in these clips.
      const cto = runFlags & TRUN_SAMPLE_CTO ? view.getInt32(q) : 0;
      firstFlags ??= flags;
      if (dataAt + size > boxEnd(mdat))
        throw new Mp4FormatError(`sample data of trun at ${trun.start} is outside mdat`);
      samples.push({
        offset: dataAt - start,
        size,
        decodeOffset: duration,
        duration: sampleDuration,
        compositionOffset: cto,
        sync: (flags & NON_SYNC) === 0,
      });
      dataAt += size;
      duration += sampleDuration;
    }
  }

  return {
    bytes: file.subarray(start, boxEnd(mdat)),
    decodeTime: view.getBigUint64(decodeTimeAt),
    duration,
    startsWithKeyframe: firstFlags !== null && (firstFlags & NON_SYNC) === 0,
    sequenceNumberAt: payloadStart(mfhd, true) - start,
    decodeTimeAt: decodeTimeAt - start,
    samples,
  };
}
