import { describe, expect, it } from 'vitest';
import { compositorWork, mainThreadTimes } from '../bench/wall-trace';

const thread = (tid: number, name: string) => ({ name: 'thread_name', ph: 'M', pid: 1, tid, ts: 0, args: { name } });
const x = (tid: number, name: string, ts: number, dur: number) => ({ name, ph: 'X', pid: 1, tid, ts, dur });

describe('the wall bench trace summaries', () => {
  it("sums the display compositor's draws, passes and quads per draw, and the page's commits and rasters", () => {
    const events = [
      thread(7, 'VizCompositorThread'),
      thread(8, 'CrRendererMain'),
      // Two drawn frames in 2 s: three render passes and seven quads between them.
      x(7, 'RunTask', 0, 4000),
      x(7, 'Display::DrawAndSwap', 0, 3000),
      x(7, 'DirectRenderer::DrawFrame', 0, 3000),
      x(7, 'DirectRenderer::DrawRenderPass', 0, 1000),
      x(7, 'DirectRenderer::DrawRenderPass', 1000, 1000),
      ...[0, 1, 2, 3].map((k) => x(7, 'SoftwareRenderer::DoDrawQuad', k, 1)),
      x(7, 'RunTask', 10_000, 2000),
      x(7, 'Display::DrawAndSwap', 10_000, 2000),
      x(7, 'DirectRenderer::DrawFrame', 10_000, 2000),
      x(7, 'DirectRenderer::DrawRenderPass', 10_000, 1000),
      ...[0, 1, 2].map((k) => x(7, 'SkiaRenderer::DoDrawQuad', 10_000 + k, 1)),
      // The page's main thread: a RunTask there is not the display compositor's.
      x(8, 'RunTask', 0, 9000),
      x(9, 'ProxyImpl::Commit', 0, 10),
      ...[0, 1, 2, 3, 4].map((k) => x(10, 'RasterTask', k, 1)),
    ];
    expect(compositorWork(events, 2)).toEqual({
      drawsPerS: 1,
      vizBusyMs: 3,
      passesPerDraw: 1.5,
      quadsPerDraw: 3.5,
      commitsPerS: 0.5,
      rastersPerS: 2.5,
    });
    expect(compositorWork([], 1)).toMatchObject({ drawsPerS: 0, passesPerDraw: 0, quadsPerDraw: 0 });
  });

  it("takes the main thread's self time from nested events", () => {
    const times = mainThreadTimes([thread(8, 'CrRendererMain'), x(8, 'RunTask', 0, 100), x(8, 'Paint', 10, 30)]);
    expect(times.get('RunTask')).toEqual({ self: 70, total: 100 });
    expect(times.get('Paint')).toEqual({ self: 30, total: 30 });
  });
});
