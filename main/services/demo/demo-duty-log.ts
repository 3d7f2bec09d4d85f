import { mondayOf, shiftInstances, type ShiftOrgKind } from '../../../common/domain/duty';
import type { DutyLogAuthorKind } from '../../../common/contract/duty-log';
import { Checklists } from '../duty/checklist';
import { DutyLog } from '../duty/duty-log';
import type { DutyStore } from '../duty/duty-store';
import { HandoverService } from '../duty/handover-service';
import type { RosterService } from '../duty/roster-service';
import type { UsersRepo } from '../users/users-repo';
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

/** What the outgoing chief writes in the handover's notes. */
const HANDOVER_NOTES: readonly string[] = [
  '本班工作正常，未结工单已在摘要中列明，请接班值班长跟进。',
  '设备运行正常；督办工单请按时回复。',
  '夜间风大，户外广告牌巡查情况已记入日志，请继续关注。',
  '本班无突发事件，交办事项已落实。',
];

const CHIEF_POST: Record<ShiftOrgKind, string> = { center: 'duty_chief', station: 'station_duty_chief' };

/** One thing done at its time: the seeding runs these merged with the order history, in time order. */
export interface TimedStep {
  at: number;
  run: () => void;
}

export interface DemoDuty {
  steps: TimedStep[];
  /** Filled in as the steps run. */
  counts: { logEntries: number; handovers: number };
}

type DemoUnit = (typeof DEMO_UNITS)[number];
type DemoShift = ReturnType<typeof shiftInstances>[number];

/** The schedule and the duty services a demo shift's steps are planned with (one clock of their own). */
interface DutyPlanning {
  at: (time: number, run: () => void) => void;
  now: number;
  counts: DemoDuty['counts'];
  log: DutyLog;
  users: UsersRepo;
  checklists: Checklists;
  handover: HandoverService;
}

/** The chief's 接班 note a few minutes in and two more entries during the shift, until now. */
function planLogEntries(p: DutyPlanning, unit: DemoUnit, shift: DemoShift, chief: DemoPerson, random: Prng): void {
  const span = shift.endsAt - shift.startsAt;
  const entries: (readonly [DutyLogAuthorKind, string, number])[] = [
    ['duty', `${chief.name} 接班，人员到岗，设备运行正常`, random.int(5, 20) * MINUTE_MS],
    ...[0, 1].map((i) => {
      const [kind, text] = random.pick(NOTES[unit.kind]);
      return [kind, text, Math.round(span * (0.25 + 0.35 * i)) + random.int(0, 60) * MINUTE_MS] as const;
    }),
  ];
  for (const [kind, text, offset] of entries) {
    const time = shift.startsAt + offset;
    if (time >= p.now || time >= shift.endsAt) break;
    p.at(time, () => {
      p.log.append({ orgUnitId: unit.id, authorId: chief.id, authorName: chief.name, kind, text });
      p.counts.logEntries++;
    });
  }
}

/** The shift's handover, if it is done before now and someone is rostered on the next shift to take over. */
function planHandover(
  p: DutyPlanning,
  unit: DemoUnit,
  shift: DemoShift,
  chief: DemoPerson,
  handoverRandom: Prng,
): void {
  // The handover: opened up to 25 minutes before the end, signed a few minutes later by both.
  const startAt = shift.endsAt - handoverRandom.int(5, 25) * MINUTE_MS;
  const outgoingAt = startAt + handoverRandom.int(2, 6) * MINUTE_MS;
  const incomingAt = outgoingAt + handoverRandom.int(1, 8) * MINUTE_MS;
  const notes = handoverRandom.pick(HANDOVER_NOTES);
  if (incomingAt >= p.now) return;
  const outgoing = p.users.byId(chief.id);
  // The incoming chief is whoever the roster (seeded before this) has on the next shift.
  const rostered = p.handover.next({ id: 0, orgUnitId: unit.id, ...shift, status: 'open' })?.chiefs[0];
  const incoming = rostered ? p.users.byId(rostered.userId) : undefined;
  // Nobody rostered to take over: the shift stays open, as it would in the center.
  if (!outgoing || !incoming) return;
  let shiftId = 0;
  p.at(startAt, () => {
    const target = p.handover.target(unit.id);
    if (target.date !== shift.date || target.code !== shift.code) {
      throw new Error(
        `demo handover: ${unit.id} hands over ${target.date} ${target.code}, not ${shift.date} ${shift.code}`,
      );
    }
    shiftId = target.id;
    p.handover.start(outgoing, shiftId, {
      checklist: p.checklists.items(unit.id, unit.kind).map((i) => ({ id: i.id, done: true, note: '' })),
      notes,
      doneAssigned: [],
    });
  });
  p.at(outgoingAt, () => {
    p.handover.sign(outgoing, shiftId, 'outgoing', outgoing);
  });
  p.at(incomingAt, () => {
    if (p.handover.sign(outgoing, shiftId, 'incoming', incoming).sealed) p.counts.handovers++;
  });
}

/**
 * The duty ledger of this week's shifts so far, as timed steps on a clock of their own: the chief's
 * 接班 note a few minutes in and two more entries during the shift (DutyLog.append), and, for each
 * shift over whose handover is done before the install instant, the handover through the duty
 * service itself (HandoverService.start, then the outgoing and the incoming chief's signatures — the
 * incoming one rostered on the next shift — the second sealing the shift into the unit's keyed
 * chain, so the ledger verifies). Run in time order with the orders, the summaries count the orders
 * open at that time. The shift now running, and one just ended whose handover would still be
 * going on, stay open.
 */
export function planDemoDuty(
  store: DutyStore,
  roster: RosterService,
  people: readonly DemoPerson[],
  anchorDate: string,
  now: number,
  random: Prng,
  handoverRandom: Prng,
  sealKey: Buffer,
): DemoDuty {
  let t = 0;
  const clock = () => t;
  const log = new DutyLog(store, clock, (id) => roster.pattern(id));
  const { users } = store;
  const checklists = new Checklists(store, clock);
  // The seeding signs with known people, never with a password: verifySigner is not used.
  const noPasswords = {
    verifyCredentials: () => Promise.reject(new Error('the demo seeding checks no passwords')),
  };
  const handover = new HandoverService(store, clock, log, roster, checklists, noPasswords, sealKey);
  const counts = { logEntries: 0, handovers: 0 };
  const steps: TimedStep[] = [];
  const at = (time: number, run: () => void) => {
    steps.push({
      at: time,
      run: () => {
        t = time;
        run();
      },
    });
  };

  for (const unit of DEMO_UNITS) {
    const pattern = roster.pattern(unit.id);
    for (const shift of shiftInstances(pattern, mondayOf(anchorDate), anchorDate)) {
      if (shift.startsAt >= now) continue;
      const chief = onDutyAt(people, unit.id, unit.kind, CHIEF_POST[unit.kind], shift.startsAt, anchorDate).person;
      if (!chief) continue;
      const planning = { at, now, counts, log, users, checklists, handover };
      planLogEntries(planning, unit, shift, chief, random);
      planHandover(planning, unit, shift, chief, handoverRandom);
    }
  }
  return { steps, counts };
}
