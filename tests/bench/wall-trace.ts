import type { Browser, Page } from '@playwright/test';

/**
 * `bench:wall -- --trace`: a Chromium trace (devtools.timeline) of the page over the measured window,
 * its renderer main thread's events summed by name — self time and total — to say what native work
 * (paint, compositing updates, media events, hit tests …) a page does beyond the bare one, which a
 * JavaScript CPU profile shows only as "(program)". Tracing costs time: a traced run's figures are
 * not comparable to others. Below the main thread it prints the compositors' side (compositorWork).
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

/** The compositor's side of a traced window, per second: what the page asks of the display. */
export interface CompositorWork {
  /** Frames the display compositor (viz) drew, and its thread's busy time. */
  drawsPerS: number;
  vizBusyMs: number;
  /** Render passes and quads per drawn frame: what each video frame makes it draw again. */
  passesPerDraw: number;
  quadsPerDraw: number;
  /** The page's own commits (new content from its main thread) and rasterised tiles. */
  commitsPerS: number;
  rastersPerS: number;
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'media', 'viz'],
  });
}

const threadsNamed = (events: readonly TraceEvent[], name: string): Set<string> =>
  new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name)
      .map((e) => `${e.pid}:${e.tid}`),
  );

/** Per event name on the renderer main thread: self and total microseconds. */
export function mainThreadTimes(events: readonly TraceEvent[]): Map<string, { self: number; total: number }> {
  const main = threadsNamed(events, 'CrRendererMain');
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

/**
 * Sums the display compositor's and the page compositor's events. Without a GPU, viz draws every
 * frame in software on one thread: when that thread is busy all the time, videos drop frames
 * however idle the page's main thread is — and a layer over a video (an outline, an overlay across
 * the tile) adds quads, or re-rasters, with every video frame.
 */
export function compositorWork(events: readonly TraceEvent[], seconds: number): CompositorWork {
  const viz = threadsNamed(events, 'VizCompositorThread');
  const count = new Map<string, number>();
  let vizBusyUs = 0;
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const name = e.name.endsWith('::DoDrawQuad') ? 'DoDrawQuad' : e.name;
    count.set(name, (count.get(name) ?? 0) + 1);
    if (name === 'RunTask' && viz.has(`${e.pid}:${e.tid}`)) vizBusyUs += e.dur ?? 0;
  }
  const n = (name: string): number => count.get(name) ?? 0;
  const draws = n('DirectRenderer::DrawFrame');
  const perDraw = (name: string): number => (draws > 0 ? n(name) / draws : 0);
  return {
    drawsPerS: n('Display::DrawAndSwap') / seconds,
    vizBusyMs: vizBusyUs / 1000 / seconds,
    passesPerDraw: perDraw('DirectRenderer::DrawRenderPass'),
    quadsPerDraw: perDraw('DoDrawQuad'),
    commitsPerS: n('ProxyImpl::Commit') / seconds,
    rastersPerS: n('RasterTask') / seconds,
  };
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
  const c = compositorWork(events, seconds);
  console.log(
    `    compositor: ${c.drawsPerS.toFixed(1)} draws/s, viz thread ${c.vizBusyMs.toFixed(0)} ms/s busy, ` +
      `${c.passesPerDraw.toFixed(1)} render passes and ${c.quadsPerDraw.toFixed(0)} quads per draw; ` +
      `page: ${c.commitsPerS.toFixed(1)} commits/s, ${c.rastersPerS.toFixed(1)} raster tasks/s`,
  );
}
