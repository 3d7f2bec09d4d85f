import { mondayOf, shiftInstances, type ShiftOrgKind } from '../../../common/domain/duty';
import { dateOfDay, dayNumber } from '../../../common/domain/time';
import type { RosterService } from '../duty/roster-service';
import type { Prng } from './prng';
import { worksShift } from './demo-rotation';
import type { DemoPerson } from './demo-staff';

const MINUTE_MS = 60_000;

/** The rostered units of the demo center and their kind. */
export const DEMO_UNITS: readonly { id: string; kind: ShiftOrgKind }[] = [
  { id: 'HQ-C', kind: 'center' },
  { id: 'HQ-S1', kind: 'station' },
  { id: 'HQ-S2', kind: 'station' },
];

/**
 * This week's and next week's roster of the center and both stations (RosterService.assign, its
 * conflict rules included), and the check-ins and check-outs of the shifts already begun, at times a
 * few minutes around each shift's start and end — so the status bar shows a staffed shift and the
 * missing check-in sweep finds nobody missing. A unit whose shift pattern an administrator changed
 * before the first demo start keeps an empty roster (the teams turn through the default shifts).
 */
export function seedDemoRoster(
  roster: RosterService,
  people: readonly DemoPerson[],
  anchorDate: string,
  now: number,
  random: Prng,
): { assignments: number; checkIns: number } {
  const monday = dayNumber(mondayOf(anchorDate));
  if (monday === null) throw new RangeError(`not a date: ${anchorDate}`);
  const [from, to] = [dateOfDay(monday), dateOfDay(monday + 13)];
  const visits: { userId: number; inAt: number; outAt: number }[] = [];
  let assignments = 0;
  for (const unit of DEMO_UNITS) {
    const pattern = roster.pattern(unit.id);
    const codes = pattern.shifts.map((s) => s.code);
    if (!codes.every((c) => ['night', 'early', 'middle', 'late', 'night_standby'].includes(c))) continue;
    const staff = people.filter((p) => p.orgUnitId === unit.id);
    for (const shift of shiftInstances({ orgKind: unit.kind, shifts: pattern.shifts }, from, to)) {
      for (const p of staff) {
        if (!worksShift(p, unit.kind, shift.date, shift.code, anchorDate)) continue;
        roster.assign(unit.id, { date: shift.date, shiftCode: shift.code, postCode: p.postCode, userId: p.id });
        assignments++;
        if (shift.startsAt <= now) {
          visits.push({
            userId: p.id,
            inAt: shift.startsAt - random.int(2, 25) * MINUTE_MS,
            outAt: shift.endsAt + random.int(3, 30) * MINUTE_MS,
          });
        }
      }
    }
  }
  let checkIns = 0;
  for (const v of visits.sort((a, b) => a.inAt - b.inAt)) {
    roster.checkIn(v.userId, v.inAt);
    checkIns++;
    if (v.outAt <= now) roster.checkOut(v.userId, v.outAt);
  }
  return { assignments, checkIns };
}
