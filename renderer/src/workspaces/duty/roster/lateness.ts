import type { OnDuty, RosterEntry } from '../../../../../common/contract';
import { checkInDueAt } from '../../../../../common/domain/duty/roster';

/**
 * People of the current shift not checked in 10 minutes after it began — or after they were
 * rostered, if later (checkInDueAt) — the same rule by which the hub sends `duty.missingCheckIn` to
 * the chief, so the mark appears with the alert and, being derived from the roster, survives a
 * reload and goes away when the person checks in.
 */
export function latePeople(onDuty: OnDuty | undefined, now: number): RosterEntry[] {
  const shift = onDuty?.shift;
  if (!onDuty || !shift) return [];
  return onDuty.posts.flatMap((p) =>
    p.people.filter((e) => e.checkedInAt === null && checkInDueAt(shift.startsAt, e.rosteredAt) <= now),
  );
}
