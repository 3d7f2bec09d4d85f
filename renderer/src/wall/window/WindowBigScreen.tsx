import { lazy, Suspense, type ReactNode } from 'react';
import { bigScreenOf } from '../../bigscreen/route';
import { useTakeoverStore } from '../takeover/takeoverStore';

/** The big screen's own chunk (chart.js and its panels), loaded when a window first shows it. */
const BigScreen = lazy(() => import('../../bigscreen/BigScreen').then((m) => ({ default: m.BigScreen })));

/**
 * Whether this wall window shows the big screen (大屏), and with which dwell: while its address asks
 * for it (the 大屏 button or a push); an alarm shows its cameras over it until acknowledged, then the
 * big screen is back.
 */
export function useBigScreenShown(path: string): { dwellSeconds: number } | null {
  const alarmShown = useTakeoverStore((s) => s.stack.some((l) => l.kind === 'alarm'));
  return alarmShown ? null : bigScreenOf(path);
}

/** The big screen over the whole wall window in place of the wall (`children`: the grid and its marks). */
export function BigScreenOrWall({ big, children }: { big: { dwellSeconds: number } | null; children: ReactNode }) {
  if (!big) return children;
  return (
    <Suspense fallback={null}>
      <BigScreen dwellSeconds={big.dwellSeconds} />
    </Suspense>
  );
}
