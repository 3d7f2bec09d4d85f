import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { call, ok, type TestConnection } from '../helpers/hub';
import { INCIDENT_TEST_START, incidentHubs, MIN } from '../helpers/incident-hub';
import { PNG_1x1 } from '../helpers/attachment-samples';

const START = INCIDENT_TEST_START;

const setupHub = incidentHubs({ incidentSweepMs: 0 });
const setup = () => setupHub('coord', 'monitor', 'hotline', 'station', 'admin');

const FLOOD: MethodInput<'incidents.activate'> = {
  type: 'flood',
  level: 'IV',
  areaIds: ['HQ-W-HQ01'],
  commanderName: '赵磊',
  situation: '强降雨',
};

const dueEvents = (conn: TestConnection) =>
  conn.events.filter((e) => e.event === 'incidents.reportDue').map((e) => e.payload);

async function upload(h: Hub, conn: TestConnection, name: string): Promise<number> {
  const { uploadId } = await ok(h, conn, 'attachments.begin', { name, size: PNG_1x1.length });
  await ok(h, conn, 'attachments.chunk', { uploadId, index: 0, dataBase64: PNG_1x1.toString('base64') });
  return (await ok(h, conn, 'attachments.finish', { uploadId })).id;
}

describe('incident report timers', () => {
  it('announces soon 5 minutes before, due at the deadline (red on the timeline), missed when found late', async () => {
    const { hub, clock, coord, monitor, hotline, station } = await setup();
    const { incident, reports } = await ok(hub, coord, 'incidents.activate', FLOOD);
    const [initial, written] = reports;
    expect(hub.sweepIncidents()).toBe(0);
    clock.advance(25 * MIN);
    expect(hub.sweepIncidents()).toBe(1);
    expect(hub.sweepIncidents()).toBe(0);
    const soon = { incidentId: incident.id, reportId: initial!.id, kind: 'soon' };
    for (const conn of [coord, monitor, station]) expect(dueEvents(conn)).toEqual([soon]);
    expect(dueEvents(hotline)).toEqual([]);
    const banner = await ok(hub, hotline, 'incidents.current', {});
    expect(banner.incidents[0]?.nextReports.map((r) => r.status)).toEqual(['soon', 'pending']);

    clock.advance(5 * MIN);
    expect(hub.sweepIncidents()).toBe(1);
    expect(dueEvents(coord).at(-1)).toEqual({ ...soon, kind: 'due' });
    expect(coord.events.at(-1)).toEqual({ event: 'incidents.changed', payload: { id: incident.id, what: 'report' } });
    const d = await ok(hub, coord, 'incidents.get', { id: incident.id });
    expect(d.reports.map((r) => r.status)).toEqual(['missed', 'pending']);
    expect(d.timeline.at(-1)).toMatchObject({
      kind: 'report_missed',
      byUserId: null,
      byName: '系统',
      text: '初报（口头）未在时限内报送（应于 2026-12-02 10:30 前报送）',
      ref: { reportId: initial!.id, level: 'IV' },
    });

    // The hub was not running at the written report's deadline: found 10 minutes late, no alarm for the past.
    clock.advance(40 * MIN);
    expect(hub.sweepIncidents()).toBe(1);
    expect(dueEvents(coord).at(-1)).toEqual({ incidentId: incident.id, reportId: written!.id, kind: 'missed' });
  });

  it('recording stops the timer, a late one is marked, and updates follow at the plan’s interval', async () => {
    const { hub, clock, coord, station } = await setup();
    const { incident, reports } = await ok(hub, coord, 'incidents.activate', FLOOD);
    const [initial, written] = reports;
    clock.advance(31 * MIN);
    const a = await ok(hub, station, 'incidents.report.record', {
      id: incident.id,
      reportId: initial!.id,
      text: '已电话报告镇应急办',
    });
    expect(a.reports[0]).toMatchObject({
      status: 'late',
      recordedByName: '陈静（第一联勤站）',
      text: '已电话报告镇应急办',
    });
    expect(a.timeline.at(-1)).toMatchObject({ kind: 'report', text: '报送初报（口头）（超时）：已电话报告镇应急办' });
    // The 初报 brings no update; the 书面报告 does, 120 minutes after it (Ⅳ).
    expect(a.reports).toHaveLength(2);
    const b = await ok(hub, coord, 'incidents.report.record', {
      id: incident.id,
      reportId: written!.id,
      text: '书面报告已报送',
    });
    expect(b.reports.map((r) => [r.kind, r.status])).toEqual([
      ['initial', 'late'],
      ['written', 'on_time'],
      ['update', 'pending'],
    ]);
    expect(b.reports[2]?.dueAt).toBe(START + 31 * MIN + 120 * MIN);
    // Escalated, the update interval of the new level applies to the next one.
    await ok(hub, coord, 'incidents.setLevel', { id: incident.id, level: 'III', reason: '加强' });
    const afterLevel = await ok(hub, coord, 'incidents.get', { id: incident.id });
    const update = afterLevel.reports.find((r) => r.kind === 'update')!;
    expect(update.status).toBe('superseded');
    const again = await call(hub, coord, 'incidents.report.record', {
      id: incident.id,
      reportId: written!.id,
      text: '再次',
    });
    expect(again.ok ? null : again.error.code).toBe('E_CONFLICT');
    const replaced = await call(hub, coord, 'incidents.report.record', {
      id: incident.id,
      reportId: update.id,
      text: '续报',
    });
    expect(replaced.ok ? null : replaced.error.code).toBe('E_CONFLICT');
    const written3 = afterLevel.reports.find((r) => r.kind === 'written' && r.level === 'III')!;
    const c = await ok(hub, coord, 'incidents.report.record', {
      id: incident.id,
      reportId: written3.id,
      text: '三级书面',
    });
    expect(c.reports.filter((r) => r.kind === 'update' && r.status === 'pending').map((r) => r.dueAt)).toEqual([
      START + 31 * MIN + 60 * MIN,
    ]);
  });

  it('records attachments the recorder may see; the incident’s readers may then read them, another station not', async () => {
    const { hub, coord, station } = await setup();
    const ours = await ok(hub, coord, 'incidents.activate', FLOOD);
    const theirs = await ok(hub, coord, 'incidents.activate', { ...FLOOD, drill: true, areaIds: ['HQ-W-CL01'] });
    const photo = await upload(hub, coord, '积水照片.png');
    const secret = await upload(hub, coord, '二站照片.png');
    const s1Report = ours.reports[0]!;
    await ok(hub, coord, 'incidents.report.record', {
      id: ours.incident.id,
      reportId: s1Report.id,
      text: '附现场照片',
      attachmentIds: [photo, photo],
    });
    await ok(hub, coord, 'incidents.report.record', {
      id: theirs.incident.id,
      reportId: theirs.reports[0]!.id,
      text: '附二站照片',
      attachmentIds: [secret],
    });
    const d = await ok(hub, station, 'incidents.get', { id: ours.incident.id });
    expect(d.reports[0]?.attachmentIds).toEqual([photo]);
    expect((await call(hub, station, 'attachments.read', { id: photo })).ok).toBe(true);
    const hidden = await call(hub, station, 'attachments.read', { id: secret });
    expect(hidden.ok ? null : hidden.error.code).toBe('E_NOT_FOUND');
    // Linking someone else's file the station cannot see is refused like a missing one.
    const link = await call(hub, station, 'incidents.report.record', {
      id: ours.incident.id,
      reportId: ours.reports[1]!.id,
      text: '引用',
      attachmentIds: [secret],
    });
    expect(link.ok ? null : link.error.code).toBe('E_NOT_FOUND');
  });

  it('refuses reports of another incident or station, wrong roles, and hostile text', async () => {
    const { hub, coord, monitor, hotline, station } = await setup();
    const ours = await ok(hub, coord, 'incidents.activate', FLOOD);
    const theirs = await ok(hub, coord, 'incidents.activate', { ...FLOOD, drill: true, areaIds: ['HQ-W-CL01'] });
    const cross = await call(hub, coord, 'incidents.report.record', {
      id: ours.incident.id,
      reportId: theirs.reports[0]!.id,
      text: '串报',
    });
    expect(cross.ok ? null : cross.error.code).toBe('E_NOT_FOUND');
    const other = await call(hub, station, 'incidents.report.record', {
      id: theirs.incident.id,
      reportId: theirs.reports[0]!.id,
      text: '越权',
    });
    expect(other.ok ? null : other.error.code).toBe('E_NOT_FOUND');
    for (const conn of [monitor, hotline]) {
      const r = await call(hub, conn, 'incidents.report.record', {
        id: ours.incident.id,
        reportId: ours.reports[0]!.id,
        text: 'x',
      });
      expect(r.ok ? null : r.error.code).toBe('E_FORBIDDEN');
    }
    for (const text of ['报告\u0000', 'x'.repeat(4001), ' ']) {
      const r = await call(hub, coord, 'incidents.report.record', {
        id: ours.incident.id,
        reportId: ours.reports[0]!.id,
        text,
      });
      expect(r.ok ? null : r.error.code).toBe('E_INVALID');
    }
    const many = await call(hub, coord, 'incidents.report.record', {
      id: ours.incident.id,
      reportId: ours.reports[0]!.id,
      text: 'x',
      attachmentIds: Array.from({ length: 21 }, (_, i) => i + 1),
    });
    expect(many.ok ? null : many.error.code).toBe('E_INVALID');
  });
});

describe('incident plans', () => {
  it('administrators edit a plan; the next activation uses its numbers', async () => {
    const { hub, coord, admin, monitor, hotline } = await setup();
    const { plans } = await ok(hub, admin, 'incidents.plans.list', {});
    expect(plans.map((p) => p.type)).toEqual(['flood', 'generic']);
    expect((await ok(hub, monitor, 'incidents.plans.list', {})).plans).toHaveLength(2);
    const listHotline = await call(hub, hotline, 'incidents.plans.list', {});
    expect(listHotline.ok ? null : listHotline.error.code).toBe('E_FORBIDDEN');
    const flood = plans[0]!;
    const levels = structuredClone(flood.levels);
    levels.IV.reports = { initialMinutes: 2, writtenMinutes: 4, updateEveryMinutes: 0 };
    levels.IV.checklist = [...levels.IV.checklist, { key: 'sandbags', text: '备足沙袋' }];
    const saved = await ok(hub, admin, 'incidents.plans.save', {
      type: 'flood',
      name: '防台防汛应急预案（本镇）',
      levels,
    });
    expect(saved).toMatchObject({ id: flood.id, name: '防台防汛应急预案（本镇）', updatedByName: '系统管理员' });
    const d = await ok(hub, coord, 'incidents.activate', FLOOD);
    expect(d.reports.map((r) => r.dueAt - START)).toEqual([2 * MIN, 4 * MIN]);
    expect(d.checklist.at(-1)?.text).toBe('备足沙袋');
    // A type without its own plan gets one; until then it used the generic plan.
    const fire = await ok(hub, admin, 'incidents.plans.save', { type: 'fire', name: '火灾应急预案', levels });
    expect(fire.type).toBe('fire');
    expect((await ok(hub, admin, 'incidents.plans.list', {})).plans.map((p) => p.type)).toEqual([
      'flood',
      'generic',
      'fire',
    ]);
  });

  it('refuses non-administrators, inconsistent deadlines, unknown preset views and hostile text', async () => {
    const { hub, coord, admin } = await setup();
    const flood = (await ok(hub, admin, 'incidents.plans.list', {})).plans[0]!;
    const base = { type: 'flood' as const, name: '防汛', levels: flood.levels };
    const forbidden = await call(hub, coord, 'incidents.plans.save', base);
    expect(forbidden.ok ? null : forbidden.error.code).toBe('E_FORBIDDEN');
    const variants = [
      (l: typeof flood.levels) => (l.IV.reports.writtenMinutes = 5),
      (l: typeof flood.levels) => (l.I.reports.initialMinutes = 99_999),
      (l: typeof flood.levels) => (l.IV.reports.initialMinutes = 0),
      (l: typeof flood.levels) => (l.IV.presetViewId = 4242),
      (l: typeof flood.levels) => (l.IV.checklist[0]!.text = '值守\u0007'),
      (l: typeof flood.levels) => (l.IV.checklist[0]!.text = '长'.repeat(201)),
      (l: typeof flood.levels) => (l.IV.checklist[1]!.key = l.IV.checklist[0]!.key),
      (l: typeof flood.levels) => (l.IV.checklist[0]!.key = '中文键'),
    ];
    for (const change of variants) {
      const levels = structuredClone(flood.levels);
      change(levels);
      const r = await call(hub, admin, 'incidents.plans.save', { ...base, levels });
      expect(r.ok ? null : r.error.code, JSON.stringify(levels.IV).slice(0, 100)).toBe('E_INVALID');
    }
    const badName = await call(hub, admin, 'incidents.plans.save', { ...base, name: 'x'.repeat(61) });
    expect(badName.ok ? null : badName.error.code).toBe('E_INVALID');
    const badType = await call(hub, admin, 'incidents.plans.save', { ...base, type: 'meteor' as never });
    expect(badType.ok ? null : badType.error.code).toBe('E_INVALID');
    expect((await ok(hub, admin, 'incidents.plans.list', {})).plans[0]).toEqual(flood);
  });
});
