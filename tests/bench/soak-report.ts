/**
 * What the wall soak prints: a line per sample, the growth of each figure from the first sample
 * after warm-up to the last, what is left once the wall is cleared, and the goal — growth < 5 %
 * after warm-up, and no <video>, MediaSource or player left behind — as met or NOT met.
 */
import { fmt } from './bench-shell';
import { ACTIONS, type Tally } from './soak-actions';
import type { Sample } from './soak-probe';

export const GROWTH_GOAL_PCT = 5;

const COLUMNS: { key: keyof Sample; title: string; digits: number }[] = [
  { key: 'heapMb', title: 'heap MB', digits: 1 },
  { key: 'nodes', title: 'nodes', digits: 0 },
  { key: 'listeners', title: 'listeners', digits: 0 },
  { key: 'videos', title: 'video', digits: 0 },
  { key: 'mseVideos', title: 'mse', digits: 0 },
  { key: 'rtcVideos', title: 'rtc', digits: 0 },
  { key: 'mediaSources', title: 'MS open', digits: 0 },
  { key: 'mediaSourcesHeld', title: 'MS held', digits: 0 },
  { key: 'peers', title: 'peers', digits: 0 },
  { key: 'transceivers', title: 'transc', digits: 0 },
  { key: 'roots', title: 'roots', digits: 0 },
  { key: 'rendererMb', title: 'renderer MB', digits: 1 },
  { key: 'hubMb', title: 'hub MB', digits: 1 },
];
/** The figures whose growth the goal bounds (the element counts are bounded by "not more"). */
const BOUNDED: (keyof Sample)[] = ['heapMb', 'nodes', 'listeners', 'rendererMb', 'hubMb'];
const COUNTS: (keyof Sample)[] = [
  'videos',
  'mseVideos',
  'rtcVideos',
  'mediaSources',
  'mediaSourcesHeld',
  'peers',
  'transceivers',
];
const RSS: (keyof Sample)[] = ['rendererMb', 'hubMb'];

const pad = (text: string, width: number): string => text.padStart(width);

export function header(): string {
  return [pad('t', 6), pad('actions', 8), ...COLUMNS.map((c) => pad(c.title, Math.max(7, c.title.length)))].join(' ');
}

export function sampleLine(s: Sample, actions: number, warm: boolean): string {
  const cells = COLUMNS.map((c) => pad(fmt(s[c.key], c.digits), Math.max(7, c.title.length)));
  return [pad(`${fmt(s.at / 60, 1)}m`, 6), pad(String(actions), 8), ...cells].join(' ') + (warm ? '' : '  (warm-up)');
}

const growthPct = (first: number, last: number): number =>
  first === 0 ? (last === 0 ? 0 : Infinity) : ((last - first) / first) * 100;

/** Prints the growth over the measured samples; returns whether each bound figure kept within the goal. */
export function printGrowth(measured: readonly Sample[]): boolean {
  const first = measured[0];
  const last = measured[measured.length - 1];
  if (!first || !last || measured.length < 2) {
    console.log('\ngrowth: fewer than two samples after warm-up — nothing to compare (run longer)');
    return false;
  }
  const minutes = (last.at - first.at) / 60;
  console.log(
    `\ngrowth after warm-up (${fmt(first.at / 60, 1)} → ${fmt(last.at / 60, 1)} min, ${measured.length} samples):`,
  );
  let met = true;
  for (const c of COLUMNS) {
    const pct = growthPct(first[c.key], last[c.key]);
    const perMin = RSS.includes(c.key) ? `, ${fmt((last[c.key] - first[c.key]) / minutes, 2)} MB/min` : '';
    const ok = BOUNDED.includes(c.key) ? pct < GROWTH_GOAL_PCT : !COUNTS.includes(c.key) || last[c.key] <= first[c.key];
    if (!ok) met = false;
    console.log(
      `  ${c.title.padEnd(12)} ${pad(fmt(first[c.key], c.digits), 8)} → ${pad(fmt(last[c.key], c.digits), 8)}  ` +
        `${pct >= 0 ? '+' : ''}${fmt(pct, 1)} %${perMin}${ok ? '' : '  ← over the goal'}`,
    );
  }
  return met;
}

/** Prints what the cleared wall still holds; returns whether nothing is left behind. */
export function printLeftBehind(s: Sample): boolean {
  const left = {
    videos: s.videos,
    'MSE videos': s.mseVideos,
    'WebRTC videos': s.rtcVideos,
    'open MediaSources': s.mediaSources,
  };
  console.log(
    `\nafter clearing the wall: ${Object.entries(left)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; MediaSources not yet collected ${s.mediaSourcesHeld}; ` +
      `open RTCPeerConnections ${s.peers} (the console's WebRTC session, not a player) ` +
      `with ${s.transceivers} transceivers`,
  );
  return Object.values(left).every((v) => v === 0) && s.mediaSourcesHeld === 0;
}

export function printTally(tally: Tally, seconds: number): void {
  const total = ACTIONS.reduce((sum, a) => sum + tally.done[a] + tally.failed[a], 0);
  console.log(
    `\nactions: ${total} in ${fmt(seconds / 60, 1)} min (${fmt(total / seconds, 1)}/s) — ` +
      ACTIONS.map((a) => `${a} ${tally.done[a]}${tally.failed[a] ? ` (+${tally.failed[a]} failed)` : ''}`).join(', '),
  );
  for (const e of tally.errors) console.log(`  failed: ${e}`);
}

export function printGoal(growthMet: boolean, nothingLeft: boolean): void {
  console.log(
    `\ngoal: growth < ${GROWTH_GOAL_PCT} % after warm-up — ${growthMet ? 'met' : 'NOT met'}; ` +
      `nothing left behind — ${nothingLeft ? 'met' : 'NOT met'}`,
  );
}
