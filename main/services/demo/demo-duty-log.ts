import { mondayOf, shiftInstances, type ShiftOrgKind } from '../../../common/domain/duty';
import type { DutyLogAuthorKind } from '../../../common/contract/duty-log';
import type { Db } from '../../db/connection';
import { DutyLog } from '../duty/duty-log';
import type { RosterService } from '../duty/roster-service';
import { onDutyAt } from './demo-rotation';
import { DEMO_UNITS } from './demo-roster';
import type { DemoPerson } from './demo-staff';
import type { Prng } from './prng';

const MINUTE_MS = 60_000;

/** What a shift's chief writes in the log during a shift, by unit kind: [kind, text]. */
const NOTES: Record<ShiftOrgKind, readonly (readonly [DutyLogAuthorKind, string])[]> = {
  center: [
    ['call', '接 12345 热线转办来电，已登记工单并派遣'],
    ['instruction', '镇城运办通知：明日有大风天气，请加强户外广告牌、临时搭建巡查'],
    ['equipment', '川六公路路口监控画面中断，已报修，运维单位回复两小时内到场'],
    ['important', '第二联勤站报告蔡路村河道护栏缺失，已督促落实临时围挡'],
    ['assigned', '交办：跟进上一班未结工单的回访'],
    ['duty', '视频巡查菜场、学校周边点位，未发现异常'],
  ],
  station: [
    ['duty', '联勤队巡查责任区主要道路，未发现异常'],
    ['duty', '配合城管执法处置跨门营业 2 处，已整改'],
    ['call', '接村居工作站电话反映路灯不亮，已上报中心'],
    ['equipment', '站内对讲机 1 台故障，已登记送修'],
  ],
};

const CHIEF_POST: Record<ShiftOrgKind, string> = { center: 'duty_chief', station: 'station_duty_chief' };

/**
 * The duty log of this week's shifts so far (DutyLog.append, on a clock of its own): the chief's
 * 接班 note a few minutes in and two more entries during the shift. Handovers are not sealed: the
 * shifts stay open, as they are in a center that has just started using the console.
 */
export function seedDemoDutyLog(
  db: Db,
  roster: RosterService,
  people: readonly DemoPerson[],
  anchorDate: string,
  now: number,
  random: Prng,
): number {
  let t = 0;
  const log = new DutyLog(
    db,
    () => t,
    (id) => roster.pattern(id),
  );
  let written = 0;
  for (const unit of DEMO_UNITS) {
    const pattern = roster.pattern(unit.id);
    for (const shift of shiftInstances(pattern, mondayOf(anchorDate), anchorDate)) {
      if (shift.startsAt >= now) continue;
      const chief = onDutyAt(people, unit.id, unit.kind, CHIEF_POST[unit.kind], shift.startsAt, anchorDate).person;
      if (!chief) continue;
      const span = shift.endsAt - shift.startsAt;
      const entries: (readonly [DutyLogAuthorKind, string, number])[] = [
        ['duty', `${chief.name} 接班，人员到岗，设备运行正常`, random.int(5, 20) * MINUTE_MS],
        ...[0, 1].map((i) => {
          const [kind, text] = random.pick(NOTES[unit.kind]);
          return [kind, text, Math.round(span * (0.25 + 0.35 * i)) + random.int(0, 60) * MINUTE_MS] as const;
        }),
      ];
      for (const [kind, text, offset] of entries) {
        t = shift.startsAt + offset;
        if (t >= now || t >= shift.endsAt) break;
        log.append({ orgUnitId: unit.id, authorId: chief.id, authorName: chief.name, kind, text });
        written++;
      }
    }
  }
  return written;
}
