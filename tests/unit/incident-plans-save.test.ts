import { describe, expect, it } from 'vitest';
import type { MethodInput, PlanDto } from '../../common/contract';
import { PLAN_LIMITS } from '../../common/domain/incidents';
import type { Hub } from '../../main/hub';
import { draftProblems, newItem, sameDraft, toDraft, toInput } from '../../renderer/src/incidents/plans/draft';
import { call, ok, type TestConnection } from '../helpers/hub';
import { incidentHubs, MIN } from '../helpers/incident-hub';

const setupHub = incidentHubs();
async function setup() {
  const open = await setupHub('coord', 'chief', 'monitor', 'hotline', 'station', 'admin');
  const { hub, admin } = open;
  const flood = (await ok(hub, admin, 'incidents.plans.list', {})).plans.find((p) => p.type === 'flood')!;
  const people = (await ok(hub, admin, 'contacts.search', { kind: 'person' })).rows;
  return { ...open, flood, people };
}

type Levels = PlanDto['levels'];

function saveInput(flood: PlanDto, change: (l: Levels) => void = () => undefined) {
  const levels = structuredClone(flood.levels);
  change(levels);
  return { type: 'flood' as const, name: flood.name, levels };
}

async function refused(hub: Hub, conn: TestConnection, input: unknown) {
  const r = await call(hub, conn, 'incidents.plans.save', input as MethodInput<'incidents.plans.save'>);
  if (r.ok) throw new Error(`saved: ${JSON.stringify(input).slice(0, 200)}`);
  return r.error;
}

/** The field the error names: the router's issue path or the service's bilingual field. */
function fieldOf(error: { details?: unknown }): string | undefined {
  const d = error.details as { issues?: { path: string }[]; errors?: { field: string }[] } | undefined;
  return d?.errors?.[0]?.field ?? d?.issues?.[0]?.path;
}

const FLOOD_IV: MethodInput<'incidents.activate'> = {
  type: 'flood',
  level: 'IV',
  areaIds: ['HQ-W-HQ01'],
  commanderName: '赵磊',
  situation: '台风预计今夜登陆',
};

describe('incidents.plans.save', () => {
  it('refuses every role but the administrator, and writes nothing', async () => {
    const { hub, coord, chief, monitor, hotline, station, admin, flood } = await setup();
    const input = saveInput(flood, (l) => (l.IV.reports.initialMinutes = 5));
    for (const conn of [coord, chief, monitor, hotline, station]) {
      expect((await refused(hub, conn, input)).code).toBe('E_FORBIDDEN');
    }
    const after = (await ok(hub, admin, 'incidents.plans.list', {})).plans.find((p) => p.type === 'flood');
    expect(after?.levels.IV.reports.initialMinutes).toBe(flood.levels.IV.reports.initialMinutes);
    expect(after?.updatedAt).toBe(flood.updatedAt);
  });

  it('refuses hostile text and out-of-bounds counts with E_INVALID naming the field, in zh and en', async () => {
    const { hub, admin, flood } = await setup();
    const item = (i: number) => ({ key: `k${i}`, text: `检查项${i}` });
    const cases: [unknown, string][] = [
      [{ ...saveInput(flood), name: '防汛\u0000预案' }, 'name'],
      [{ ...saveInput(flood), name: '预'.repeat(61) }, 'name'],
      [{ ...saveInput(flood), name: '   ' }, 'name'],
      [saveInput(flood, (l) => (l.III.checklist[0]!.text = '巡查\u001b[31m')), 'levels.III.checklist.0.text'],
      [saveInput(flood, (l) => (l.IV.checklist[0]!.text = 'x\u0085y')), 'levels.IV.checklist.0.text'],
      [
        saveInput(flood, (l) => (l.IV.checklist[0]!.text = '长'.repeat(PLAN_LIMITS.textMax + 1))),
        'levels.IV.checklist.0.text',
      ],
      [saveInput(flood, (l) => (l.IV.checklist[0]!.text = '  ')), 'levels.IV.checklist.0.text'],
      [saveInput(flood, (l) => (l.IV.checklist[0]!.key = 'a b')), 'levels.IV.checklist.0.key'],
      [
        saveInput(
          flood,
          (l) => (l.II.checklist = Array.from({ length: PLAN_LIMITS.checklistMax + 1 }, (_, i) => item(i))),
        ),
        'levels.II.checklist',
      ],
      [
        saveInput(
          flood,
          (l) => (l.I.notify = Array.from({ length: PLAN_LIMITS.notifyMax + 1 }, () => ({ contactId: 1 }))),
        ),
        'levels.I.notify',
      ],
      [saveInput(flood, (l) => (l.IV.reports.initialMinutes = 1.5)), 'levels.IV.reports.initialMinutes'],
      [saveInput(flood, (l) => (l.IV.reports.updateEveryMinutes = -1)), 'levels.IV.reports.updateEveryMinutes'],
      [
        saveInput(flood, (l) => (l.IV.reports.writtenMinutes = PLAN_LIMITS.minutesMax + 1)),
        'levels.IV.reports.writtenMinutes',
      ],
      [saveInput(flood, (l) => (l.IV.reports.writtenMinutes = 1)), 'levels.IV.reports.writtenMinutes'],
      [saveInput(flood, (l) => Object.assign(l.IV, { extra: '<script>' })), 'levels.IV'],
    ];
    for (const [input, field] of cases) {
      const error = await refused(hub, admin, input);
      expect(error.code, field).toBe('E_INVALID');
      expect(fieldOf(error), JSON.stringify(error)).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}`));
      expect(error.message.zh.length).toBeGreaterThan(0);
      expect(error.message.en.length).toBeGreaterThan(0);
    }
  });

  it('refuses contacts to notify that are unknown, deleted or listed twice', async () => {
    const { hub, admin, flood, people } = await setup();
    const [a, b] = people as [(typeof people)[0], (typeof people)[0]];
    const unknown = await refused(
      hub,
      admin,
      saveInput(flood, (l) => (l.III.notify = [{ contactId: a.id }, { contactId: 987_654 }])),
    );
    expect(unknown.code).toBe('E_INVALID');
    expect(fieldOf(unknown)).toBe('levels.III.notify.1.contactId');
    expect(unknown.message.zh).toContain('987654');
    expect(unknown.message.en).toContain('987654');

    const twice = await refused(
      hub,
      admin,
      saveInput(flood, (l) => (l.IV.notify = [{ contactId: a.id }, { contactId: a.id }])),
    );
    expect(fieldOf(twice)).toBe('levels.IV.notify.1.contactId');

    await ok(hub, admin, 'contacts.delete', { id: b.id });
    const deleted = await refused(
      hub,
      admin,
      saveInput(flood, (l) => (l.I.notify = [{ contactId: b.id }])),
    );
    expect(fieldOf(deleted)).toBe('levels.I.notify.0.contactId');

    const saved = await ok(
      hub,
      admin,
      'incidents.plans.save',
      saveInput(flood, (l) => (l.IV.notify = [{ contactId: a.id }])),
    );
    expect(saved.levels.IV.notify).toEqual([{ contactId: a.id }]);
  });

  it('refuses a preset view that is unknown or personal; takes a shared one', async () => {
    const { hub, admin, monitor, flood } = await setup();
    const personal = await ok(hub, monitor, 'wall.views.save', { name: '我的画面', layout: '4', slots: [] });
    const shared = await ok(hub, admin, 'wall.views.save', {
      name: '防汛画面',
      scope: 'shared',
      layout: '4',
      slots: [],
    });
    for (const id of [424_242, personal.id]) {
      const error = await refused(
        hub,
        admin,
        saveInput(flood, (l) => (l.II.presetViewId = id)),
      );
      expect(error.code).toBe('E_INVALID');
      expect(fieldOf(error)).toBe('levels.II.presetViewId');
      expect(error.message.zh).toContain(String(id));
    }
    const saved = await ok(
      hub,
      admin,
      'incidents.plans.save',
      saveInput(flood, (l) => (l.II.presetViewId = shared.id)),
    );
    expect(saved.levels.II.presetViewId).toBe(shared.id);
  });

  it('audits a save and a refused save', async () => {
    const { hub, admin, flood } = await setup();
    await ok(
      hub,
      admin,
      'incidents.plans.save',
      saveInput(flood, (l) => (l.IV.reports.initialMinutes = 15)),
    );
    await refused(
      hub,
      admin,
      saveInput(flood, (l) => (l.IV.presetViewId = 777)),
    );
    const { entries } = await ok(hub, admin, 'audit.list', { method: 'incidents.plans.save' });
    expect(entries.map((e) => [e.ok, e.target])).toEqual([
      [false, null],
      [true, 'incident-plan:flood'],
    ]);
    expect(entries[1]?.summary).toContain('防台防汛应急预案');
  });

  it('a running incident keeps its level as it took effect; the edit applies from the next level change', async () => {
    const { hub, clock, admin, coord, flood, people } = await setup();
    const person = people[0]!;
    const started = await ok(hub, coord, 'incidents.activate', FLOOD_IV);
    const id = started.incident.id;
    const before = started.planLevel;
    expect(before?.reports.updateEveryMinutes).toBe(flood.levels.IV.reports.updateEveryMinutes);

    await ok(
      hub,
      admin,
      'incidents.plans.save',
      saveInput(flood, (l) => {
        for (const level of ['IV', 'III'] as const) {
          l[level].checklist.push({ key: 'sandbags', text: '备足沙袋' });
          l[level].notify = [{ contactId: person.id }];
          l[level].reports = { initialMinutes: 3, writtenMinutes: 6, updateEveryMinutes: 9 };
        }
      }),
    );

    // Still Ⅳ: the same checklist, notify list and 续报 interval as at activation.
    const running = await ok(hub, coord, 'incidents.get', { id });
    expect(running.planLevel).toEqual(before);
    expect(running.checklist.map((c) => c.key)).not.toContain('sandbags');
    const written = running.reports.find((r) => r.kind === 'written')!;
    clock.advance(10 * MIN);
    const recorded = await ok(hub, coord, 'incidents.report.record', { id, reportId: written.id, text: '书面报告' });
    const update = recorded.reports.find((r) => r.kind === 'update')!;
    expect(update.dueAt - clock()).toBe(flood.levels.IV.reports.updateEveryMinutes * MIN);

    // Escalated: Ⅲ as edited.
    const up = await ok(hub, coord, 'incidents.setLevel', { id, level: 'III', reason: '雨势加大' });
    expect(up.planLevel?.notify).toEqual([{ contactId: person.id }]);
    expect(up.checklist.filter((c) => c.key === 'sandbags').map((c) => c.level)).toEqual(['III']);
    const open = up.reports.filter((r) => r.level === 'III').map((r) => [r.kind, r.dueAt - clock()]);
    expect(open).toEqual([
      ['initial', 3 * MIN],
      ['written', 6 * MIN],
    ]);
  });
});

describe('plan editor draft (renderer)', () => {
  const level = (): PlanDto['levels']['IV'] => ({
    checklist: [{ key: 'duty24h', text: '启动24小时值守' }],
    notify: [],
    reports: { initialMinutes: 30, writtenMinutes: 60, updateEveryMinutes: 120 },
    presetViewId: null,
  });
  const plan = {
    type: 'flood' as const,
    name: '防台防汛应急预案',
    levels: { IV: level(), III: level(), II: level(), I: level() },
  };

  it('gives a new action the key of the same action at another level, once per level', () => {
    const draft = toDraft(plan);
    draft.levels.III.checklist = [{ ...newItem('巡查低洼易涝点'), id: 'a' }, ...draft.levels.III.checklist];
    draft.levels.IV.checklist.push(newItem(' 启动24小时值守 '), newItem('巡查低洼易涝点'));
    const input = toInput(draft);
    // Ⅳ already has duty24h: the copy keeps its own new key instead of a duplicate.
    const iv = input.levels.IV.checklist.map((c) => c.key);
    expect(new Set(iv).size).toBe(3);
    expect(iv[0]).toBe('duty24h');
    expect(input.levels.IV.checklist[1]?.text).toBe('启动24小时值守');
    // The same new action at Ⅳ and Ⅲ shares one key (an escalation does not list it twice).
    expect(input.levels.IV.checklist[2]?.key).toBe(input.levels.III.checklist[0]?.key);
    for (const c of [...input.levels.IV.checklist, ...input.levels.III.checklist]) {
      expect(c.key).toMatch(/^[A-Za-z0-9_.-]{1,40}$/);
    }
    expect(sameDraft(toDraft(plan), toDraft(plan))).toBe(true);
    expect(sameDraft(toDraft(plan), draft)).toBe(false);
  });

  it('finds the problems the hub would refuse, by the hub’s field paths', () => {
    const draft = toDraft(plan);
    draft.name = ' ';
    draft.levels.IV.checklist[0]!.text = '';
    draft.levels.III.reports = { initialMinutes: 40, writtenMinutes: 20, updateEveryMinutes: null };
    draft.levels.I.reports.initialMinutes = 1.5;
    expect(draftProblems(draft).map((p) => `${p.path} ${p.kind}`)).toEqual([
      'name required',
      'levels.IV.checklist.0.text required',
      'levels.III.reports.updateEveryMinutes minutes',
      'levels.III.reports.writtenMinutes writtenBeforeInitial',
      'levels.I.reports.initialMinutes minutes',
    ]);
  });
});
