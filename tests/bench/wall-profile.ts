import type { CDPSession } from '@playwright/test';

/**
 * `bench:wall -- --profile`: a CPU profile of the page's main thread over the measured window
 * (Chrome DevTools Protocol), summed by function, to find what a page spends beyond the bare one.
 * The profiler itself costs time: figures of a profiled run are not comparable to others.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
}

/** Stops the profiler and prints the `top` functions by self time. */
export async function printProfile(cdp: CDPSession, top = 25): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalMs = 0;
  samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    totalMs += ms;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.split('/').pop() ?? url}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
  });
  console.log(`\n    main thread profile, ${(totalMs / 1000).toFixed(1)} s sampled; self time by function:`);
  for (const [name, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`    ${ms.toFixed(0).padStart(7)} ms  ${((ms / totalMs) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
}
