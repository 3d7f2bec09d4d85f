/**
 * The hub's time, which the tests move instead of sleeping: the web shells they start run with
 * CITYOPS_TEST_CLOCK=1 (web-shell-process.ts), whose /__test/clock answers the hub's time and moves
 * it forward (main/shell-web/test-clock.ts). The browser and this runner keep the real time: compare
 * the hub's times (a shift's end, a deadline) with `hubNow`, never with Date.now().
 */
interface HubTime {
  now: number;
  offsetMs: number;
}

async function clockCall(baseUrl: string, init?: RequestInit): Promise<HubTime> {
  const res = await fetch(new URL('/__test/clock', baseUrl), init);
  if (!res.ok) throw new Error(`the hub's test clock answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as HubTime;
}

/** The hub's time now; `baseUrl`: any URL of its web shell (the shell's, a console page's). */
export async function hubNow(baseUrl: string): Promise<number> {
  return (await clockCall(baseUrl)).now;
}

/** Moves the hub's clock `ms` forward; returns its new time. Consoles refetch their on-duty view. */
export async function advanceHubClock(baseUrl: string, ms: number): Promise<number> {
  const body = JSON.stringify({ advanceMs: Math.ceil(ms) });
  return (await clockCall(baseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).now;
}
