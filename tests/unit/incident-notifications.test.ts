import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';

const clock = testClock();
let hub: Hub;
const c: Record<string, TestConnection> = {};
let incidentId: number;
const contact: Record<string, Contact> = {};
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const events = (conn: TestConnection, name: string) =>
  conn.events.filter((e) => e.event === name).map((e) => e.payload);

beforeAll(async () => {
  hub = await demoHub({ clock, alertSweepMs: 0, dutySweepMs: 0 });
  for (const u of ['admin', 'coord', 'chief', 'monitor', 'station', 'hotline']) c[u] = await signedIn(hub, u);
  const rows = (await ok(hub, c.coord!, 'contacts.search', {})).rows;
  for (const [key, name] of [
    ['monitor', '李娜（视频监控）'],
    ['station', '陈静（第一联勤站）'],
    ['power', '供电'],
  ] as const) {
    contact[key] = rows.find((r) => r.name === name)!;
  }
  await ok(hub, c.admin!, 'contacts.save', { ...contact.power!, phone: '95598' });
  const d = await ok(hub, c.coord!, 'incidents.activate', {
    type: 'flood',
    level: 'IV',
    areaIds: ['HQ-W-CL01'],
    commanderName: '赵磊',
    situation: '台风登陆，低洼积水',
  });
  incidentId = d.incident.id;
}, 60_000);
afterAll(() => hub.close());

describe('incidents.notify', () => {
  it('tells a console user: a card in their windows only, the timeline and incidents.get show it', async () => {
    for (const conn of Object.values(c)) conn.events.length = 0;
    clock.advance(60_000);
    const n = await ok(hub, c.coord!, 'incidents.notify', {
      id: incidentId,
      contactId: contact.monitor!.id,
      channel: 'console',
      note: '请切换大屏到积水点',
    });
    expect(n).toMatchObject({ channel: 'console', byName: '赵磊（应急协调）', confirmedAt: null, at: clock() });
    expect(events(c.monitor!, 'incidents.notified')).toEqual([
      {
        notificationId: n.id,
        incidentId,
        incidentName: '防台防汛',
        incidentType: 'flood',
        level: 'IV',
        drill: false,
        byName: '赵磊（应急协调）',
        note: '请切换大屏到积水点',
        at: clock(),
      },
    ]);
    for (const u of ['coord', 'chief', 'station', 'admin']) expect(events(c[u]!, 'incidents.notified'), u).toEqual([]);
    expect(events(c.chief!, 'incidents.changed')).toEqual([{ id: incidentId, what: 'notification' }]);
    expect(await ok(hub, c.monitor!, 'incidents.notify.pending', {})).toHaveLength(1);
    expect(await ok(hub, c.chief!, 'incidents.notify.pending', {})).toEqual([]);
    const detail = await ok(hub, c.chief!, 'incidents.get', { id: incidentId });
    expect(detail.notifications.map((x) => x.id)).toEqual([n.id]);
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'notified',
      byName: '赵磊（应急协调）',
      ref: { notificationId: n.id, contactId: contact.monitor!.id },
    });
    expect(detail.timeline.at(-1)!.text).toContain('请切换大屏到积水点');

    // Only the notified user confirms a console notification.
    expect(code(await call(hub, c.coord!, 'incidents.notify.confirm', { notificationId: n.id }))).toBe('E_FORBIDDEN');
    clock.advance(30_000);
    const confirmed = await ok(hub, c.monitor!, 'incidents.notify.confirm', { notificationId: n.id });
    expect(confirmed).toMatchObject({ confirmedAt: clock(), confirmedByName: '李娜（视频监控）' });
    expect(code(await call(hub, c.monitor!, 'incidents.notify.confirm', { notificationId: n.id }))).toBe('E_CONFLICT');
    expect(await ok(hub, c.monitor!, 'incidents.notify.pending', {})).toEqual([]);
    const after = await ok(hub, c.coord!, 'incidents.get', { id: incidentId });
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'confirmed', byName: '李娜（视频监控）' });
    expect(after.notifications[0]).toMatchObject({ confirmedByName: '李娜（视频监控）' });
  });

  it('records a phone call with the number dialled; a notifier records the reply, others may not', async () => {
    const n = await ok(hub, c.chief!, 'incidents.notify', {
      id: incidentId,
      contactId: contact.power!.id,
      channel: 'phone',
    });
    expect(n).toMatchObject({
      contactName: '供电（公用事业（水电煤））',
      contactPhone: '95598',
    });
    expect(code(await call(hub, c.monitor!, 'incidents.notify.confirm', { notificationId: n.id }))).toBe('E_FORBIDDEN');
    // The reply came back to the coordinator's desk: any notifier who may see the incident records it.
    const r = await ok(hub, c.coord!, 'incidents.notify.confirm', { notificationId: n.id, note: '抢修队已出发' });
    expect(r.confirmedByName).toBe('赵磊（应急协调）');
    const timeline = (await ok(hub, c.coord!, 'incidents.get', { id: incidentId })).timeline;
    expect(timeline.at(-1)!.text).toContain('抢修队已出发');
  });

  it('refuses the console channel for a contact without a console account', async () => {
    const r = await call(hub, c.coord!, 'incidents.notify', {
      id: incidentId,
      contactId: contact.power!.id,
      channel: 'console',
    });
    expect(code(r)).toBe('E_INVALID');
  });

  it('refuses the wrong role, another station, hostile text and unknown contacts', async () => {
    const input = { id: incidentId, contactId: contact.monitor!.id, channel: 'phone' as const };
    for (const u of ['monitor', 'hotline', 'admin'])
      expect(code(await call(hub, c[u]!, 'incidents.notify', input)), u).toBe('E_FORBIDDEN');
    // 第一联勤站 cannot see an incident in 第二联勤站's area: the same answer as a missing one.
    expect(code(await call(hub, c.station!, 'incidents.notify', input))).toBe('E_NOT_FOUND');
    expect(code(await call(hub, c.station!, 'incidents.notify', { ...input, id: 99_999 }))).toBe('E_NOT_FOUND');
    expect(code(await call(hub, c.coord!, 'incidents.notify', { ...input, contactId: 99_999 }))).toBe('E_NOT_FOUND');
    for (const note of ['坏\u0000', '\u001b[2J', 'x'.repeat(501)])
      expect(code(await call(hub, c.coord!, 'incidents.notify', { ...input, note }))).toBe('E_INVALID');
    expect(code(await call(hub, c.coord!, 'incidents.notify', { ...input, channel: 'fax' as never }))).toBe(
      'E_INVALID',
    );
    const before = (await ok(hub, c.coord!, 'incidents.get', { id: incidentId })).notifications.length;
    expect(before).toBe(2);
    // Another station's notification is "not found" for confirming too.
    const n = (await ok(hub, c.coord!, 'incidents.get', { id: incidentId })).notifications[0]!;
    expect(code(await call(hub, c.station!, 'incidents.notify.confirm', { notificationId: n.id }))).toBe('E_NOT_FOUND');
  });

  it('keeps the record: only the confirmation may be written, once; nothing is deleted', () => {
    expect(() => hub.db.prepare("UPDATE incident_notifications SET note = 'x'").run()).toThrow(/only an open/);
    expect(() => hub.db.prepare('DELETE FROM incident_notifications').run()).toThrow(/append-only/);
  });

  it('refuses notifying on a closed incident; its open console notifications leave the pending list', async () => {
    const n = await ok(hub, c.coord!, 'incidents.notify', {
      id: incidentId,
      contactId: contact.monitor!.id,
      channel: 'console',
    });
    expect(await ok(hub, c.monitor!, 'incidents.notify.pending', {})).toHaveLength(1);
    await ok(hub, c.coord!, 'incidents.close', { id: incidentId, summary: '积水已退' });
    expect(await ok(hub, c.monitor!, 'incidents.notify.pending', {})).toEqual([]);
    const r = await call(hub, c.coord!, 'incidents.notify', {
      id: incidentId,
      contactId: contact.monitor!.id,
      channel: 'sms',
    });
    expect(code(r)).toBe('E_CONFLICT');
    // A late confirmation still counts (the person did get the message).
    expect(code(await call(hub, c.monitor!, 'incidents.notify.confirm', { notificationId: n.id }))).toBe('ok');
  });
});
