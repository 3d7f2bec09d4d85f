/**
 * The test utilities that need no hub: a temporary folder, a hand-moved clock and a recording connection. Kept
 * apart from hub.ts (which re-exports them) so that a test of one repository or service does not load the whole hub.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '../../main/api/connection';

export function tempDir(prefix = 'cityops-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A movable clock for expiry and lockout tests. */
export function testClock(start = Date.UTC(2026, 10, 26, 2, 0, 0)) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, { advance: (ms: number) => (now += ms) });
}

export interface TestConnection extends Connection {
  events: { event: string; payload: unknown }[];
}

export function connection(id = 'test'): TestConnection {
  const events: { event: string; payload: unknown }[] = [];
  return { id, token: null, events, push: (event, payload) => events.push({ event, payload }) };
}
