// The scoping matrix's rows (checked by matrix.ts) for incident mode: notifications, the incident itself, its
// report, its orders and the plans.
import { incidentInput, planLevels } from './inputs';
import type { Row } from './matrix';

export const INCIDENT_ROWS: Row[] = [
  {
    method: 'incidents.notify',
    covers: ['id', 'contactId'],
    other: (w) => ({ id: w.incidents.s2.id, contactId: w.contacts.s2Person, channel: 'phone', note: '越权通知' }),
    center: (w) => ({ id: w.incidents.drill.id, contactId: w.contacts.centerDept, channel: 'phone' }),
    owner: (w) => ({
      as: 'station2',
      input: { id: w.incidents.s2.id, contactId: w.contacts.s2Person, channel: 'sms' },
    }),
  },
  {
    method: 'incidents.notify.confirm',
    covers: ['notificationId'],
    other: (w) => ({ notificationId: w.notifications.s2 }),
    center: (w) => ({ notificationId: w.notifications.drill }),
    owner: (w) => ({ as: 'station2', input: { notificationId: w.notifications.s2, note: '已回电确认' } }),
  },
  // Incident mode: a station sees the incidents of its own area; the switches are the center's.
  ...(['incidents.get', 'incidents.note'] as const).map((method): Row => ({
    method,
    covers: ['id'],
    other: (w) => ({ id: w.incidents.s2.id, ...(method === 'incidents.note' ? { text: '越权记录' } : {}) }),
    center: (w) => ({ id: w.incidents.drill.id, ...(method === 'incidents.note' ? { text: '越权记录' } : {}) }),
    owner: (w) => ({
      as: 'station2',
      input: { id: w.incidents.s2.id, ...(method === 'incidents.note' ? { text: '二站记录' } : {}) },
    }),
  })),
  // The incident report: what incidents.get shows, so the same rule.
  {
    method: 'incidents.export',
    covers: ['id'],
    other: (w) => ({ id: w.incidents.s2.id, format: 'pdf' }),
    center: (w) => ({ id: w.incidents.drill.id, format: 'xlsx' }),
    owner: (w) => ({ as: 'station2', input: { id: w.incidents.s2.id, format: 'pdf' } }),
  },
  {
    method: 'incidents.checklist.tick',
    covers: ['id', 'itemId'],
    other: (w) => ({ id: w.incidents.s2.id, itemId: w.incidents.s2.itemId, done: true }),
    center: (w) => ({ id: w.incidents.drill.id, itemId: w.incidents.s2.itemId, done: true }),
    owner: (w) => ({ as: 'station2', input: { id: w.incidents.s2.id, itemId: w.incidents.s2.itemId, done: true } }),
  },
  {
    method: 'incidents.report.record',
    covers: ['id', 'reportId', 'attachmentIds'],
    other: (w) => ({
      id: w.incidents.s2.id,
      reportId: w.incidents.s2.reportId,
      text: '越权',
      attachmentIds: [w.files.s2],
    }),
    center: (w) => ({
      id: w.incidents.drill.id,
      reportId: w.incidents.s2.reportId,
      text: '越权',
      attachmentIds: [w.files.centerLog],
    }),
    owner: (w) => ({
      as: 'station2',
      input: {
        id: w.incidents.s2.id,
        reportId: w.incidents.s2.reportId,
        text: '二站初报',
        attachmentIds: [w.files.s2],
      },
    }),
  },
  {
    method: 'incidents.orders.link',
    covers: ['id', 'orderId'],
    other: (w) => ({ id: w.incidents.s2.id, orderId: w.orders.s2.id }),
    center: (w) => ({ id: w.incidents.drill.id, orderId: w.orders.center.id }),
    owner: (w) => ({ as: 'station2', input: { id: w.incidents.s2.id, orderId: w.orders.s2.id } }),
  },
  ...(['orders.list', 'orders.export'] as const).map((method): Row => ({
    method,
    covers: ['filter.incidentId'],
    other: (w) => ({
      filter: { incidentId: w.incidents.s2.id },
      ...(method === 'orders.export' ? { format: 'csv' } : {}),
    }),
    center: (w) => ({
      filter: { incidentId: w.incidents.drill.id },
      ...(method === 'orders.export' ? { format: 'csv' } : {}),
    }),
    owner: (w) => ({
      as: 'station2',
      input: { filter: { incidentId: w.incidents.s2.id }, ...(method === 'orders.export' ? { format: 'csv' } : {}) },
    }),
  })),
  {
    // Plans are the administrators' (contacts are ids only here; the preset view must be a shared one).
    method: 'incidents.plans.save',
    covers: (['IV', 'III', 'II', 'I'] as const).flatMap((l) => [
      `levels.${l}.notify.contactId`,
      `levels.${l}.presetViewId`,
    ]),
    other: (w) => ({ type: 'fire', name: '越权预案', levels: planLevels(w.views.s2) }),
    center: (w) => ({ type: 'fire', name: '越权预案', levels: planLevels(w.views.center) }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'admin', input: { type: 'fire', name: '火灾预案', levels: planLevels(null) } }),
  },
  {
    method: 'incidents.activate',
    covers: ['commanderUserId'],
    other: (w) => ({ ...incidentInput(true), commanderUserId: w.users.station2 }),
    center: (w) => ({ ...incidentInput(true), commanderUserId: w.users.chief }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'chief', input: { ...incidentInput(true), commanderUserId: w.users.chief } }),
  },
  {
    method: 'incidents.setLevel',
    covers: ['id'],
    other: (w) => ({ id: w.incidents.s2.id, level: 'I', reason: '越权' }),
    center: (w) => ({ id: w.incidents.drill.id, level: 'I', reason: '越权' }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'chief', input: { id: w.incidents.drill.id, level: 'III', reason: '演练升级' } }),
  },
  {
    method: 'incidents.close',
    covers: ['id'],
    other: (w) => ({ id: w.incidents.s2.id, summary: '越权' }),
    center: (w) => ({ id: w.incidents.drill.id, summary: '越权' }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'chief', input: { id: w.incidents.drill.id, summary: '演练结束' } }),
  },
];
