import type { HandoverState } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { ok, type TestConnection } from './hub';

/**
 * Rosters `username` as chief (duty_chief) of the shift that takes over from `state`'s — the
 * incoming signer must be — through the roster API as the center's chief `editor`.
 */
export async function rosterNextChief(
  hub: Hub,
  editor: TestConnection,
  state: HandoverState,
  username: string,
): Promise<void> {
  const next = state.next;
  if (!next) throw new Error('no shift follows this one');
  if (next.chiefs.some((c) => c.userId === userIdOf(hub, username))) return;
  await ok(hub, editor, 'duty.roster.assign', {
    orgUnitId: state.shift.orgUnitId,
    date: next.date,
    shiftCode: next.code,
    postCode: state.shift.orgUnitId === 'HQ-C' ? 'duty_chief' : 'station_duty_chief',
    userId: userIdOf(hub, username),
  });
}

function userIdOf(hub: Hub, username: string): number {
  const id = hub.db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number | undefined;
  if (id === undefined) throw new Error(`no user ${username}`);
  return id;
}
