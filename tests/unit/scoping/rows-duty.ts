// The scoping matrix's rows (checked by matrix.ts) for the duty log, the handover and the roster.
import { DEMO_PASSWORD } from '../../../main/services/users/bootstrap';
import { week } from './inputs';
import type { Row } from './matrix';

export const DUTY_ROWS: Row[] = [
  // Duty log: center users see every unit's, everyone else their own unit's (duty-visibility.ts).
  {
    method: 'duty.log.append',
    covers: ['correctsId'],
    other: (w) => ({ kind: 'duty', text: '更正', correctsId: w.entries.s2.id }),
    center: (w) => ({ kind: 'duty', text: '更正', correctsId: w.entries.center.id }),
    owner: (w) => ({ as: 'chief', input: { kind: 'duty', text: '更正中心记录', correctsId: w.entries.center.id } }),
  },
  {
    method: 'duty.log.append',
    covers: ['links.orderIds'],
    other: (w) => ({ kind: 'duty', text: '关联', links: { orderIds: [w.orders.s2.id] } }),
    center: (w) => ({ kind: 'duty', text: '关联', links: { orderIds: [w.orders.s1.id, w.orders.center.id] } }),
    owner: (w) => ({ as: 'chief', input: { kind: 'duty', text: '关联二站', links: { orderIds: [w.orders.s2.id] } } }),
  },
  {
    method: 'duty.log.append',
    covers: ['links.attachmentIds'],
    other: (w) => ({ kind: 'duty', text: '附图', links: { attachmentIds: [w.files.s2] } }),
    center: (w) => ({ kind: 'duty', text: '附图', links: { attachmentIds: [w.files.s1, w.files.centerOrder] } }),
    owner: (w) => ({
      as: 'station',
      input: { kind: 'duty', text: '本站附图', links: { attachmentIds: [w.files.s1] } },
    }),
  },
  {
    // The camera registry is shared by every camera-viewing role; a role without video sees none.
    method: 'duty.log.append',
    covers: ['links.cameraIds'],
    other: (w) => ({ kind: 'duty', text: '摄像机', links: { cameraIds: [w.camera.replace('9', '8')] } }),
    center: () => ({ kind: 'duty', text: '摄像机', links: { cameraIds: ["CAM'; DROP TABLE cameras;--"] } }),
    owner: (w) => ({ as: 'station', input: { kind: 'duty', text: '本站摄像机', links: { cameraIds: [w.camera] } } }),
  },
  {
    method: 'duty.log.search',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2' }),
    center: () => ({ orgUnitId: 'HQ-C' }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'chief', input: { orgUnitId: 'HQ-S2' } }),
  },
  {
    method: 'duty.log.export',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2' }),
    center: () => ({ orgUnitId: 'HQ-C' }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { orgUnitId: 'HQ-S2' } }),
  },
  // Handover: the same rule as the duty log, per shift.
  ...(['duty.handover.get', 'duty.handover.report', 'duty.handover.cancel'] as const).map((method): Row => ({
    method,
    covers: ['shiftId'],
    other: (w) => ({ shiftId: w.entries.s2.shiftId }),
    center: (w) => ({ shiftId: w.entries.center.shiftId }),
    owner: (w) => ({ as: 'chief', input: { shiftId: w.entries.center.shiftId } }),
    // Calling off a handover that was never started is refused for that reason, not for scope.
    ownerMayFail: method === 'duty.handover.cancel',
  })),
  {
    method: 'duty.handover.start',
    covers: ['shiftId'],
    other: (w) => ({ shiftId: w.entries.s2.shiftId, checklist: [], notes: '', doneAssigned: [] }),
    center: (w) => ({ shiftId: w.entries.center.shiftId, checklist: [], notes: '', doneAssigned: [] }),
    owner: (w) => ({
      as: 'chief',
      input: { shiftId: w.entries.center.shiftId, checklist: [], notes: '', doneAssigned: [] },
    }),
    ownerMayFail: true,
  },
  {
    method: 'duty.handover.sign',
    covers: ['shiftId'],
    other: (w) => ({ shiftId: w.entries.s2.shiftId, side: 'outgoing', username: 'station', password: DEMO_PASSWORD }),
    center: (w) => ({
      shiftId: w.entries.center.shiftId,
      side: 'outgoing',
      username: 'station',
      password: DEMO_PASSWORD,
    }),
    owner: (w) => ({
      as: 'chief',
      input: { shiftId: w.entries.center.shiftId, side: 'outgoing', username: 'chief', password: DEMO_PASSWORD },
    }),
    ownerMayFail: true,
  },
  // Roster: center users read every unit's; chiefs edit their own unit's.
  ...(['duty.pattern.get', 'duty.roster.people'] as const).map((method): Row => ({
    method,
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2' }),
    center: () => ({ orgUnitId: 'HQ-C' }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { orgUnitId: 'HQ-S2' } }),
  })),
  {
    method: 'duty.pattern.set',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2', shifts: [] }),
    center: () => ({ orgUnitId: 'HQ-C', shifts: [] }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'admin', input: { orgUnitId: 'HQ-S2', shifts: [] } }),
    ownerMayFail: true,
  },
  {
    method: 'duty.roster.week',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2', date: week.date }),
    center: () => ({ orgUnitId: 'HQ-C', date: week.date }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { orgUnitId: 'HQ-S2', date: week.date } }),
  },
  {
    method: 'duty.roster.month',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2', year: 2026, month: 11 }),
    center: () => ({ orgUnitId: 'HQ-C', year: 2026, month: 11 }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'chief', input: { orgUnitId: 'HQ-S2', year: 2026, month: 11 } }),
  },
  {
    method: 'duty.roster.copyWeek',
    covers: ['orgUnitId'],
    other: () => ({ orgUnitId: 'HQ-S2', fromMonday: '2026-11-23', weeks: 1 }),
    center: () => ({ orgUnitId: 'HQ-C', fromMonday: '2026-11-23', weeks: 1 }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { orgUnitId: 'HQ-S2', fromMonday: '2026-11-23', weeks: 1 } }),
  },
  {
    method: 'duty.roster.assign',
    covers: ['orgUnitId'],
    other: (w) => ({ orgUnitId: 'HQ-S2', ...week, postCode: 'station_duty_chief', userId: w.users.station }),
    center: (w) => ({ orgUnitId: 'HQ-C', ...week, postCode: 'duty_chief', userId: w.users.station }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({
      as: 'station2',
      input: {
        orgUnitId: 'HQ-S2',
        date: '2026-11-27',
        shiftCode: 'early',
        postCode: 'station_duty_chief',
        userId: w.users.station2,
      },
    }),
  },
  {
    // Another unit's person is named by id only: the refusal does not say who they are.
    method: 'duty.roster.assign',
    covers: ['userId'],
    other: (w) => ({ orgUnitId: 'HQ-S1', ...week, postCode: 'station_duty_chief', userId: w.users.station2 }),
    center: (w) => ({ orgUnitId: 'HQ-S1', ...week, postCode: 'station_duty_chief', userId: w.users.chief }),
    denied: 'E_INVALID',
    owner: (w) => ({
      as: 'station',
      input: { orgUnitId: 'HQ-S1', ...week, postCode: 'station_duty_chief', userId: w.users.station },
    }),
  },
  {
    method: 'duty.roster.unassign',
    covers: ['id'],
    other: (w) => ({ id: w.roster.s2 }),
    center: (w) => ({ id: w.roster.center }),
    owner: (w) => ({ as: 'chief', input: { id: w.roster.center } }),
  },
];
