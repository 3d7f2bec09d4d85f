import { useEffect, useState } from 'react';
import { useApi } from '../../api';

/** How often a console tells the hub its clock (and learns whether it is off). */
const REPORT_EVERY_MS = 10 * 60_000;

/**
 * This console's clock against the hub's (system.clock.report): the skew in ms when it is further
 * off than the hub's tolerance (30 s), else null. Reported at sign-in, every ten minutes and after a
 * reconnect; the hub warns administrators of a console that is off.
 */
export function useConsoleClock(): number | null {
  const api = useApi();
  const [offMs, setOffMs] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const report = () => {
      api.call('system.clock.report', { consoleTime: Date.now() }).then(
        ({ skewMs, off }) => {
          if (live) setOffMs(off ? skewMs : null);
        },
        () => undefined,
      );
    };
    report();
    const timer = setInterval(report, REPORT_EVERY_MS);
    const offState = api.connectionState.subscribe((state) => {
      if (state === 'connected') report();
    });
    return () => {
      live = false;
      clearInterval(timer);
      offState();
    };
  }, [api]);
  return offMs;
}
