import { describe, expect, it } from 'vitest';
import {
  activeConflict,
  applyPlanLevel,
  autoLinkTarget,
  countsInStatistics,
  INCIDENT_LEVEL_COLOURS,
  INCIDENT_LEVELS,
  isMissed,
  levelRank,
  nextUpdateAfter,
  planProblems,
  REPORT_SOON_MS,
  reportAlertDue,
  reportDueTimes,
  reportStatus,
  type ExistingReport,
  type Plan,
  type PlanLevel,
} from '../../common/domain/incidents';
import plansSeed from '../../resources/seed/incident-plans.json';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 2, 2, 0, 0);

function level(keys: string[], initial: number, written: number, every: number): PlanLevel {
  return {
    checklist: keys.map((key) => ({ key, text: `做 ${key}` })),
    notify: [],
    reports: { initialMinutes: initial, writtenMinutes: written, updateEveryMinutes: every },
    presetViewId: null,
  };
}

const PLAN: Pick<Plan, 'levels'> = {
  levels: {
    IV: level(['duty24h', 'patrol'], 30, 60, 120),
    III: level(['duty24h', 'patrol', 'leader'], 20, 60, 60),
    II: level(['duty24h', 'leader', 'evacuate'], 15, 45, 60),
    I: level(['duty24h', 'leader', 'evacuate', 'command'], 10, 30, 30),
  },
};

describe('incident levels', () => {
  it('ranks Ⅳ lowest and Ⅰ highest, each in its warning colour', () => {
    expect(INCIDENT_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
    expect(INCIDENT_LEVEL_COLOURS).toEqual({ IV: '#1677ff', III: '#fadb14', II: '#fa8c16', I: '#f5222d' });
  });
});

describe('plan application per level', () => {
  it('activation adds the level’s checklist and its initial and written deadlines', () => {
    const app = applyPlanLevel(PLAN, 'IV', T0, { checklist: [], reports: [] });
    expect(app.checklist.map((c) => [c.key, c.level])).toEqual([
      ['duty24h', 'IV'],
      ['patrol', 'IV'],
    ]);
    expect(app.reports).toEqual([
      { kind: 'initial', level: 'IV', dueAt: T0 + 30 * MIN },
      { kind: 'written', level: 'IV', dueAt: T0 + 60 * MIN },
    ]);
    expect(app.supersede).toEqual([]);
  });

  it('escalation re-applies: only new actions are added, earlier ones kept; open deadlines not yet due are superseded', () => {
    const existing = {
      checklist: [{ key: 'duty24h' }, { key: 'patrol' }],
      reports: [
        { id: 1, kind: 'initial', dueAt: T0 + 30 * MIN, recordedAt: T0 + 5 * MIN, supersededAt: null },
        { id: 2, kind: 'written', dueAt: T0 + 60 * MIN, recordedAt: null, supersededAt: null },
        { id: 3, kind: 'update', dueAt: T0 + 20 * MIN, recordedAt: null, supersededAt: null },
      ] satisfies ExistingReport[],
    };
    const at = T0 + 40 * MIN;
    const app = applyPlanLevel(PLAN, 'III', at, existing);
    expect(app.checklist.map((c) => c.key)).toEqual(['leader']);
    // 2 is not yet due: replaced; 3 is already missed: it stays missed (red), not hidden.
    expect(app.supersede).toEqual([2]);
    expect(app.reports).toEqual([
      { kind: 'initial', level: 'III', dueAt: at + 20 * MIN },
      { kind: 'written', level: 'III', dueAt: at + 60 * MIN },
    ]);
  });

  it('de-escalation adds nothing already present and keeps higher-level actions as history', () => {
    const existing = { checklist: [{ key: 'duty24h' }, { key: 'leader' }, { key: 'evacuate' }], reports: [] };
    const app = applyPlanLevel(PLAN, 'IV', T0, existing);
    expect(app.checklist.map((c) => c.key)).toEqual(['patrol']);
  });

  it('updates follow recorded written reports and updates, one open at a time', () => {
    const rule = PLAN.levels.III.reports;
    expect(nextUpdateAfter(rule, 'III', { kind: 'written', recordedAt: T0 }, [])).toEqual({
      kind: 'update',
      level: 'III',
      dueAt: T0 + 60 * MIN,
    });
    expect(nextUpdateAfter(rule, 'III', { kind: 'initial', recordedAt: T0 }, [])).toBeNull();
    expect(nextUpdateAfter(rule, 'III', { kind: 'update', recordedAt: T0 }, [{ kind: 'update' }])).toBeNull();
    expect(
      nextUpdateAfter({ ...rule, updateEveryMinutes: 0 }, 'III', { kind: 'written', recordedAt: T0 }, []),
    ).toBeNull();
  });

  it('shows the first deadlines of a level before activation', () => {
    expect(reportDueTimes(PLAN.levels.I.reports, T0)).toEqual({
      initial: T0 + 10 * MIN,
      written: T0 + 30 * MIN,
      firstUpdate: T0 + 60 * MIN,
    });
  });
});

describe('report schedule: soon, due, missed', () => {
  const open = { kind: 'initial' as const, dueAt: T0 + 30 * MIN, recordedAt: null, supersededAt: null };

  it('is pending, then soon 5 minutes before, then missed at the deadline', () => {
    expect(reportStatus(open, T0)).toBe('pending');
    expect(reportStatus(open, open.dueAt - REPORT_SOON_MS - 1)).toBe('pending');
    expect(reportStatus(open, open.dueAt - REPORT_SOON_MS)).toBe('soon');
    expect(reportStatus(open, open.dueAt - 1)).toBe('soon');
    expect(reportStatus(open, open.dueAt)).toBe('missed');
    expect(isMissed(open, open.dueAt - 1)).toBe(false);
    expect(isMissed(open, open.dueAt)).toBe(true);
  });

  it('recording stops the timer: on time or late (a late one stays a missed deadline)', () => {
    expect(reportStatus({ ...open, recordedAt: open.dueAt }, open.dueAt + 99 * MIN)).toBe('on_time');
    const late = { ...open, recordedAt: open.dueAt + 1 };
    expect(reportStatus(late, open.dueAt + 99 * MIN)).toBe('late');
    expect(isMissed(late, open.dueAt + 99 * MIN)).toBe(true);
  });

  it('a superseded deadline is not missed unless it had passed first', () => {
    expect(reportStatus({ ...open, supersededAt: T0 + MIN }, T0 + 99 * MIN)).toBe('superseded');
    expect(reportStatus({ ...open, supersededAt: open.dueAt + 1 }, T0 + 99 * MIN)).toBe('missed');
  });

  it('announces soon, then due, once each; a deadline found long past is announced missed without soon', () => {
    const state = { ...open, soonAlertedAt: null, dueAlertedAt: null };
    expect(reportAlertDue(state, T0)).toBeNull();
    expect(reportAlertDue(state, open.dueAt - REPORT_SOON_MS)).toBe('soon');
    const soonDone = { ...state, soonAlertedAt: open.dueAt - REPORT_SOON_MS };
    expect(reportAlertDue(soonDone, open.dueAt - 1)).toBeNull();
    expect(reportAlertDue(soonDone, open.dueAt + 30_000)).toBe('due');
    expect(reportAlertDue({ ...soonDone, dueAlertedAt: open.dueAt }, open.dueAt + 99 * MIN)).toBeNull();
    expect(reportAlertDue(state, open.dueAt + 10 * MIN)).toBe('missed');
    expect(reportAlertDue({ ...state, recordedAt: T0 }, open.dueAt + 10 * MIN)).toBeNull();
  });
});

describe('one active incident; drills beside it', () => {
  const real = { id: 1, drill: false, closedAt: null };
  const drill = { id: 2, drill: true, closedAt: null };
  const closed = { id: 3, drill: false, closedAt: T0 };

  it('a second real incident clashes with the active one; a drill never does', () => {
    expect(activeConflict([real, drill], false)).toBe(real);
    expect(activeConflict([real], true)).toBeNull();
    expect(activeConflict([drill, closed], false)).toBeNull();
  });

  it('drills count in no statistics and new orders never link to them by themselves', () => {
    expect(countsInStatistics(drill)).toBe(false);
    expect(countsInStatistics(real)).toBe(true);
    expect(autoLinkTarget([drill])).toBeNull();
    expect(autoLinkTarget([drill, real])).toBe(real);
  });
});

describe('plan validation and the seeded plans', () => {
  it('refuses duplicate keys and a written report due before the initial one', () => {
    const bad: Pick<Plan, 'levels'> = {
      levels: {
        ...PLAN.levels,
        IV: level(['a', 'a'], 30, 20, 0),
        III: level(['b'], 40, 60, 60),
      },
    };
    expect(planProblems(bad).map((p) => p.field)).toEqual([
      'levels.IV.checklist.1.key',
      'levels.IV.reports.writtenMinutes',
    ]);
    expect(planProblems(PLAN)).toEqual([]);
  });

  it('ships 防台防汛 with four levels and stricter deadlines as the level rises, and a generic plan', () => {
    const flood = plansSeed.plans.find((p) => p.type === 'flood') as unknown as Plan;
    const generic = plansSeed.plans.find((p) => p.type === 'generic') as unknown as Plan;
    expect(flood.name).toBe('防台防汛应急预案');
    expect(INCIDENT_LEVELS.map((l) => flood.levels[l].reports.initialMinutes)).toEqual([30, 20, 15, 10]);
    expect(INCIDENT_LEVELS.map((l) => flood.levels[l].reports.writtenMinutes)).toEqual([60, 60, 45, 30]);
    expect(INCIDENT_LEVELS.map((l) => flood.levels[l].reports.updateEveryMinutes)).toEqual([120, 60, 60, 30]);
    expect(flood.levels.IV.checklist.map((c) => c.text)).toContain('启动24小时值守');
    expect(flood.levels.III.checklist.map((c) => c.text)).toContain('领导带班到岗');
    expect(flood.levels.II.checklist.map((c) => c.text).join()).toContain('转移危险区域人员');
    expect(planProblems(flood)).toEqual([]);
    expect(planProblems(generic)).toEqual([]);
  });
});
