import type { Browser, Page } from '@playwright/test';

/**
 * `bench:wall -- --trace`: a Chromium trace (devtools.timeline) of the page over the measured window,
 * its renderer main thread's events summed by name — self time and total — to say what native work
 * (paint, compositing updates, media events, hit tests …) a page does beyond the bare one, which a
 * JavaScript CPU profile shows only as "(program)". Tracing costs time: a traced run's figures are
 * not comparable to others.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'media'],
  });
}

/** Per event name on the renderer main thread: self and total microseconds. */
export function mainThreadTimes(events: readonly TraceEvent[]): Map<string, { self: number; total: number }> {
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const times = new Map<string, { self: number; total: number }>();
  const stacks = new Map<string, { end: number; name: string; children: number; dur: number }[]>();
  const close = (open: { name: string; children: number; dur: number }) => {
    const t = times.get(open.name) ?? { self: 0, total: 0 };
    t.self += Math.max(0, open.dur - open.children);
    t.total += open.dur;
    times.set(open.name, t);
  };
  for (const e of complete) {
    const thread = `${e.pid}:${e.tid}`;
    const stack = stacks.get(thread) ?? [];
    stacks.set(thread, stack);
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= e.ts) close(stack.pop()!);
    const dur = e.dur ?? 0;
    const parent = stack.at(-1);
    if (parent) parent.children += dur;
    stack.push({ end: e.ts + dur, name: e.name, children: 0, dur });
  }
  for (const stack of stacks.values()) while (stack.length > 0) close(stack.pop()!);
  return times;
}

/** Stops tracing and prints the `top` event names of the main thread by self time, per second. */
export async function printTrace(browser: Browser, seconds: number, top = 20): Promise<void> {
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const times = [...mainThreadTimes(events)].sort((a, b) => b[1].self - a[1].self).slice(0, top);
  console.log(`\n    main thread trace, ${seconds.toFixed(1)} s; by event, self and total ms per second:`);
  for (const [name, t] of times) {
    const self = t.self / 1000 / seconds;
    const total = t.total / 1000 / seconds;
    console.log(`    ${self.toFixed(1).padStart(7)} ${total.toFixed(1).padStart(7)}  ${name}`);
  }
}
