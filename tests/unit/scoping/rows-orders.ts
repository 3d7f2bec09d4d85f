// The scoping matrix's rows (checked by matrix.ts) for orders and their attachments.
import { PNG_1x1 } from '../../helpers/attachment-samples';
import { orderInput } from './inputs';
import type { Row } from './matrix';

/** A dashboard period around the world's orders (2026, within the 366-day limit). */
const YEAR_2026 = { from: Date.UTC(2025, 11, 31, 16), to: Date.UTC(2026, 11, 31, 16) };

export const ORDER_ROWS: Row[] = [
  // Orders: station users see their station's orders (order-visibility.ts).
  {
    method: 'orders.get',
    covers: ['id'],
    other: (w) => ({ id: w.orders.s2.id }),
    center: (w) => ({ id: w.orders.center.id }),
    owner: (w) => ({ as: 'station2', input: { id: w.orders.s2.id } }),
  },
  {
    method: 'orders.act',
    covers: ['id'],
    other: (w) => ({ id: w.orders.s2.id, action: 'accept' }),
    center: (w) => ({ id: w.orders.center.id, action: 'accept' }),
    owner: (w) => ({ as: 'station2', input: { id: w.orders.s2.id, action: 'self_handle', reason: '站内处理' } }),
  },
  {
    // Stations may not merge at all; the parent is checked with the same rule all the same.
    method: 'orders.act',
    covers: ['parentId'],
    other: (w) => ({ id: w.orders.s1.id, action: 'merge', parentId: w.orders.s2.id, reason: '重复' }),
    center: (w) => ({ id: w.orders.s1.id, action: 'merge', parentId: w.orders.center.id, reason: '重复' }),
    denied: ['E_FORBIDDEN', 'E_NOT_FOUND'],
    owner: (w) => ({
      as: 'chief',
      input: { id: w.orders.dup.id, action: 'merge', parentId: w.orders.center.id, reason: '重复' },
    }),
  },
  {
    method: 'orders.act',
    covers: ['attachmentIds'],
    other: (w) => ({ id: w.orders.s1.id, action: 'self_handle', reason: '附图', attachmentIds: [w.files.s2] }),
    center: (w) => ({ id: w.orders.s1.id, action: 'self_handle', reason: '附图', attachmentIds: [w.files.centerLog] }),
    owner: (w) => ({
      as: 'station',
      input: { id: w.orders.s1.id, action: 'self_handle', reason: '附图', attachmentIds: [w.files.s1] },
    }),
  },
  {
    method: 'orders.create',
    covers: ['attachmentIds'],
    other: (w) => ({ ...orderInput('借图工单'), attachmentIds: [w.files.s2] }),
    center: (w) => ({ ...orderInput('借图工单'), attachmentIds: [w.files.centerOrder] }),
    owner: (w) => ({ as: 'station', input: { ...orderInput('本站带图工单'), attachmentIds: [w.files.s1] } }),
  },
  {
    method: 'orders.alerts.ack',
    covers: ['id'],
    other: (w) => ({ id: w.alerts.s2 }),
    center: (w) => ({ id: w.alerts.center }),
    owner: (w) => ({ as: 'chief', input: { id: w.alerts.center } }),
  },
  {
    method: 'orders.list',
    covers: ['filter.stationId'],
    other: () => ({ filter: { stationId: 'HQ-S2' } }),
    center: () => ({ filter: { text: '中心专用工单' } }),
    denied: 'EMPTY',
    owner: () => ({ as: 'station2', input: { filter: { stationId: 'HQ-S2' } } }),
  },
  {
    method: 'orders.export',
    covers: ['filter.stationId'],
    other: () => ({ filter: { stationId: 'HQ-S2' }, format: 'csv' }),
    center: () => ({ filter: {}, format: 'csv' }),
    denied: 'NO_SECRETS',
    owner: () => ({ as: 'station2', input: { filter: { stationId: 'HQ-S2' }, format: 'csv' } }),
  },
  {
    // 统计分析 counts what the order list shows: another station's orders count as none.
    method: 'dashboard.get',
    covers: ['stationId'],
    other: () => ({ ...YEAR_2026, stationId: 'HQ-S2' }),
    center: () => YEAR_2026,
    denied: 'NO_SECRETS',
    owner: () => ({ as: 'station2', input: { ...YEAR_2026, stationId: 'HQ-S2' } }),
  },
  {
    // 报表: a station's user makes their own station's report only (report-scope.ts).
    method: 'reports.generate',
    covers: ['stationId'],
    other: () => ({ kind: 'daily', date: '2026-11-24', stationId: 'HQ-S2' }),
    center: () => ({ kind: 'daily', date: '2026-11-24', stationId: 'HQ-C' }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'station2', input: { kind: 'daily', date: '2026-11-24', stationId: 'HQ-S2' } }),
  },
  // Attachments: the uploader, and whoever may see an order or duty log entry they hang on.
  {
    method: 'attachments.read',
    covers: ['id'],
    other: (w) => ({ id: w.files.s2 }),
    center: (w) => ({ id: w.files.centerOrder }),
    owner: (w) => ({ as: 'monitor', input: { id: w.files.centerOrder } }),
  },
  {
    method: 'attachments.read',
    covers: ['id'],
    other: (w) => ({ id: w.files.s2 }),
    center: (w) => ({ id: w.files.centerLog }),
    owner: (w) => ({ as: 'monitor', input: { id: w.files.centerLog } }),
  },
  {
    method: 'attachments.chunk',
    covers: ['uploadId'],
    other: (w) => ({ uploadId: w.upload, index: 0, dataBase64: PNG_1x1.toString('base64') }),
    center: () => ({ uploadId: "' OR 1=1 --", index: 0, dataBase64: '' }),
    owner: (w) => ({ as: 'chief', input: { uploadId: w.upload, index: 0, dataBase64: PNG_1x1.toString('base64') } }),
  },
  {
    method: 'attachments.finish',
    covers: ['uploadId'],
    other: (w) => ({ uploadId: w.upload }),
    center: () => ({ uploadId: '0'.repeat(32) }),
    owner: (w) => ({ as: 'chief', input: { uploadId: w.upload } }),
  },
];
