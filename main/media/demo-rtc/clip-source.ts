import type { FragmentedClip } from '../fmp4';
import type { LoopTimeline } from '../live-timeline';
import { accessUnit, parseAvcConfig, splitNalUnits } from './avc';

/**
 * A demo clip as pictures ready for RTP: every sample's NAL units (parameter sets in front of each
 * IDR), placed on the clip's loop timeline — the same one its HLS segments follow, so both paths
 * show the same picture at the same wall time.
 */

export interface ClipPicture {
  /** Decode time within the loop, in timescale ticks. */
  decodeTime: number;
  /** Presentation minus decode time, in ticks (0 without B-frames). */
  compositionOffset: number;
  /** An IDR picture: a decoder can start here. */
  sync: boolean;
  nals: Buffer[];
}

export interface ClipSource {
  timeline: LoopTimeline;
  pictures: ClipPicture[];
}

export function clipSource(clip: FragmentedClip, timeline: LoopTimeline): ClipSource {
  if (!clip.track.avcC) throw new Error(`not an H.264 clip (${clip.track.codecs})`);
  const config = parseAvcConfig(clip.track.avcC);
  const pictures: ClipPicture[] = [];
  clip.fragments.forEach((fragment, index) => {
    const start = Number(timeline.starts[index] ?? 0n);
    for (const sample of fragment.samples) {
      const data = fragment.bytes.subarray(sample.offset, sample.offset + sample.size);
      pictures.push({
        decodeTime: start + sample.decodeOffset,
        compositionOffset: sample.compositionOffset,
        sync: sample.sync,
        nals: accessUnit(splitNalUnits(data, config.lengthSize), config),
      });
    }
  });
  if (!pictures[0]?.sync) throw new Error('the clip does not start with an IDR picture');
  return { timeline, pictures };
}
