import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/contract';
import { ORDER_ACTIONS } from '../../common/domain/orders/transitions';
import { openDatabase, type Db } from '../../main/db/connection';
import type { OrderActor } from '../../main/services/orders/actor';
import { ORDER_WRITABLE_COLUMNS, orderSetClause, type OrderUpdate } from '../../main/services/orders/order-columns';
import type { OrderRow } from '../../main/services/orders/order-rows';
import type { SlaClock } from '../../main/services/orders/sla-port';
import { ORDER_STEPS, type StepContext, type StepDeps } from '../../main/services/orders/steps';
import { clockChanges } from '../../main/services/orders/steps/order-step';
import { parsePendingDetail } from '../../main/services/orders/steps/pending-requests';
import { tempDir } from '../helpers/test-env';

// Typed writes to `orders`: one map from fields to columns, one step per action.

const NOW = Date.UTC(2026, 10, 26, 2, 0, 0);
const MIN = 60_000;

describe('the writable columns of orders', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = tempDir();
    db = openDatabase(dir);
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('name columns the orders table has (a renamed column fails here, not in a control room)', () => {
    const columns = new Set((db.prepare('PRAGMA table_info(orders)').all() as { name: string }[]).map((c) => c.name));
    for (const column of Object.values(ORDER_WRITABLE_COLUMNS)) expect(columns, column).toContain(column);
  });

  it('write each field to its column, skipping absent ones', () => {
    const { sets, params } = orderSetClause({ previousState: null, pending: 'park', closedAt: undefined });
    expect(sets).toEqual(['previous_state = @previousState', 'pending_request = @pending']);
    expect(params).toEqual({ previousState: null, pending: 'park' });
  });

  it('refuse a key outside the map rather than write it into the SQL', () => {
    const hostile = { state: 'closed', 'id = 1; DROP TABLE orders; --': 1 } as OrderUpdate;
    expect(() => orderSetClause(hostile)).toThrow(/not a writable field/);
    // Compile-time: an unknown field and a wrong value type are refused.
    // @ts-expect-error not a column of orders
    const unknown: OrderUpdate = { handler: 'x' };
    // @ts-expect-error the state is an OrderState
    const badState: OrderUpdate = { state: 'lost' };
    // @ts-expect-error the snake_case name is not the field name
    const snake: OrderUpdate = { station_id: 'HQ-S1' };
    expect([unknown, badState, snake]).toHaveLength(3);
  });
});

const row = (over: Partial<OrderRow> = {}): OrderRow => ({
  id: 7,
  code: 'HQ20261126-0007',
  title: '井盖缺失',
  description: '',
  categoryId: '0200201',
  categoryName: '井盖',
  domainId: '02',
  workstationId: null,
  workstationName: null,
  gridId: null,
  stationId: 'HQ-S1',
  address: '',
  lat: null,
  lng: null,
  source: 'grid',
  reporterName: null,
  reporterPhone: null,
  urgency: 'normal',
  responseLevel: 'patrol',
  state: 'handling',
  previousState: null,
  pending: null,
  pendingDetail: null,
  handlerKind: 'station',
  handlerId: 'HQ-S1',
  handlerName: '一站',
  reworkCount: 1,
  supervised: 0,
  parentId: null,
  cameraId: null,
  createdBy: 1,
  createdAt: NOW - 120 * MIN,
  updatedAt: NOW - 60 * MIN,
  closedAt: null,
  limitMinutes: 240,
  limitMode: 'natural',
  warnAt: NOW - 10 * MIN,
  deadlineAt: NOW + 60 * MIN,
  pausedAt: null,
  alertedYellow: 1,
  alertedRed: 0,
  incidentId: null,
  feedbackResult: null,
  feedbackAt: null,
  ...over,
});

const actor: OrderActor = { id: 3, name: '张值班', roles: ['duty_chief'], orgUnitId: 'HQ', stationId: null };

const sla: SlaClock = {
  start: () => {
    throw new Error('not used');
  },
  resume: (m, pausedAt, resumedAt) => ({
    ...m,
    warnAt: m.warnAt + resumedAt - pausedAt,
    deadlineAt: m.deadlineAt + resumedAt - pausedAt,
  }),
  extend: (m, extra) => ({ ...m, limitMinutes: m.limitMinutes + extra, deadlineAt: m.deadlineAt + extra * MIN }),
  timeUsed: () => 0,
};

/** Steps that reach for org data, the repository or other orders are covered by the lifecycle tests. */
const deps = {
  sla,
  get org(): never {
    throw new Error('not used');
  },
  get repo(): never {
    throw new Error('not used');
  },
  visibleRow: () => {
    throw new Error('not used');
  },
} as unknown as StepDeps;

const ctx = (r: OrderRow, input: Partial<StepContext['input']> = {}): StepContext => ({
  row: r,
  input: { id: r.id, action: 'accept', attachmentIds: [], ...input },
  actor,
  reason: '等待材料',
  now: NOW,
});

describe('order steps', () => {
  it('has a step for every action of the lifecycle', () => {
    expect(Object.keys(ORDER_STEPS).sort()).toEqual([...ORDER_ACTIONS].sort());
  });

  it('moves the time-limit marks: a raised alert stays only while its mark is behind now', () => {
    const r = row();
    const later = { limitMinutes: 300, mode: 'natural' as const, warnAt: NOW + 5 * MIN, deadlineAt: NOW + 90 * MIN };
    expect(clockChanges(r, later, NOW)).toEqual({
      fields: { limitMinutes: 300, warnAt: NOW + 5 * MIN, deadlineAt: NOW + 90 * MIN, alertedYellow: 0, alertedRed: 0 },
      detail: { deadlineAt: NOW + 90 * MIN },
    });
    const behind = { ...later, warnAt: NOW - MIN };
    expect(clockChanges(r, behind, NOW).fields.alertedYellow).toBe(1);
    expect(clockChanges(r, null, NOW)).toEqual({ fields: {}, detail: {} });
  });

  it('records an extension request and extends the limit by the hours asked when approved', () => {
    const asked = ORDER_STEPS.request_extension(ctx(row(), { extensionHours: 2 }), deps);
    expect(asked.fields.pending).toBe('extension');
    expect(parsePendingDetail(asked.fields.pendingDetail ?? null)).toEqual({
      reason: '等待材料',
      hours: 2,
      byName: '张值班',
      at: NOW,
    });
    const pendingRow = row({ pending: 'extension', pendingDetail: asked.fields.pendingDetail ?? null });
    const approved = ORDER_STEPS.approve_extension(ctx(pendingRow), deps);
    expect(approved.fields).toMatchObject({ pending: null, pendingDetail: null, limitMinutes: 360 });
    expect(approved.detail).toEqual({ deadlineAt: NOW + 180 * MIN, hours: 2 });
    expect(() => ORDER_STEPS.request_extension(ctx(row()), deps)).toThrow(ApiError);
  });

  it('parks with the state to go back to, and resumes with the marks moved by the time parked', () => {
    const parked = ORDER_STEPS.approve_park(ctx(row({ pending: 'park' })), deps);
    expect(parked.fields).toEqual({ pending: null, pendingDetail: null, previousState: 'handling', pausedAt: NOW });
    const pausedRow = row({ state: 'parked', previousState: 'handling', pausedAt: NOW - 30 * MIN });
    const resumed = ORDER_STEPS.resume(ctx(pausedRow), deps);
    expect(resumed.fields).toMatchObject({ previousState: null, pausedAt: null, deadlineAt: NOW + 90 * MIN });
    expect(resumed.detail).toEqual({ deadlineAt: NOW + 90 * MIN, pausedMs: 30 * MIN });
  });

  it('gives a returned order back to nobody and counts a failed verification as rework', () => {
    expect(ORDER_STEPS.approve_return(ctx(row()), deps)).toEqual({
      fields: { handlerKind: null, handlerId: null, handlerName: null, stationId: null, previousState: null },
      detail: { returnedBy: '一站' },
    });
    expect(ORDER_STEPS.verify_fail(ctx(row()), deps)).toEqual({ fields: { reworkCount: 2 }, detail: { rework: 2 } });
    expect(ORDER_STEPS.close(ctx(row()), deps).fields).toEqual({ closedAt: NOW });
    expect(ORDER_STEPS.accept(ctx(row()), deps)).toEqual({ fields: {}, detail: {} });
  });

  it('requires a feedback result', () => {
    expect(() => ORDER_STEPS.feedback(ctx(row()), deps)).toThrow(ApiError);
    expect(ORDER_STEPS.feedback(ctx(row(), { feedbackResult: 'satisfied' }), deps).fields).toEqual({
      feedbackResult: 'satisfied',
      feedbackAt: NOW,
    });
  });
});
