import type { HandoverReport } from '../../../common/contract/duty-handover';
import { postsFor } from '../../../common/domain/duty';
import type { DutyLog } from './duty-log';
import type { HandoverService } from './handover-service';
import type { RosterService } from './roster-service';

/**
 * Everything the printed handover report shows for one shift: who was on which post (with
 * check-in times), the whole log, the frozen summary, the signatures and the seal, and the unit's
 * chain head at print time (its newest seal), so the paper anchors the ledger against truncation.
 */
export function handoverReport(
  deps: { dutyLog: DutyLog; roster: RosterService; handover: HandoverService },
  shiftId: number,
  printed: { at: number; by: string },
  viewer: { orgUnitId: string; isCenter: boolean },
): HandoverReport {
  const state = deps.handover.get(viewer, shiftId);
  const { shift } = state;
  const unit = deps.roster.rosterUnit(shift.orgUnitId);
  const head = deps.handover.chainHead(shift.orgUnitId);
  const headName = head && deps.roster.pattern(head.orgUnitId).shifts.find((s) => s.code === head.code)?.name;
  const rows = deps.roster.ofShift({ orgUnitId: shift.orgUnitId, date: shift.date, shiftCode: shift.code });
  return {
    title: '值班交接班报告',
    orgUnitName: unit.name,
    shift: {
      date: shift.date,
      code: shift.code,
      name: state.shiftName,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
    },
    status: shift.status,
    roster: postsFor(unit.kind).map((post) => ({
      postName: post.name,
      people: rows
        .filter((r) => r.postCode === post.code)
        .map((r) => ({ name: r.userName, checkedInAt: r.checkedInAt, checkedOutAt: r.checkedOutAt })),
    })),
    entries: deps.dutyLog.entries(shift.id),
    summary: state.summary,
    signatures: state.signatures,
    seal: state.seal,
    chainHead: head ? { ...head, shiftName: headName ?? head.code } : null,
    printedAt: printed.at,
    printedBy: printed.by,
  };
}

/** `值班交接班报告-合庆镇城运中心-2026-11-26-A.pdf`, with characters a file system may refuse replaced. */
export function reportFileName(report: HandoverReport): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `值班交接班报告-${safe(report.orgUnitName)}-${report.shift.date}-${safe(report.shift.code)}.pdf`;
}
