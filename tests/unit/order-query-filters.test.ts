import { describe, expect, it } from 'vitest';
import { isOpen } from '../../common/domain/orders/states';
import type { OrderScope } from '../../main/services/orders/order-query';
import { allPages, CENTER, light, sorted, text, useSeededOrders, type TestOrder } from '../helpers/order-query-fixture';

// OrderQuery's filters and the station scope, checked against the oracle of the seeded orders.

describe('OrderQuery', () => {
  const seeded = useSeededOrders();
  const { expectFilter } = seeded;

  describe('filters', () => {
    it('has test data for every filter value it checks', () => {
      const has = (keep: (o: TestOrder) => boolean) => seeded.orders.filter(keep).length;
      for (const l of ['red', 'yellow', 'green', 'paused', 'done'] as const)
        expect(has((o) => light(o) === l)).toBeGreaterThan(2);
      expect(has((o) => o.workstationId === null)).toBeGreaterThan(2);
      expect(has((o) => o.deadlineAt === null && isOpen(o.state))).toBeGreaterThan(2);
      // created_at ties, so the keyset's second key (id) matters
      expect(new Set(seeded.orders.map((o) => o.createdAt)).size).toBeLessThan(seeded.orders.length);
    });

    it('no filter: every order, newest first', () => {
      const ids = expectFilter({}, () => true);
      expect(ids).toHaveLength(320);
    });

    it('states (one, several)', () => {
      expectFilter({ states: ['handling'] }, (o) => o.state === 'handling');
      expectFilter({ states: ['reported', 'parked', 'archived'] }, (o) =>
        ['reported', 'parked', 'archived'].includes(o.state),
      );
      expectFilter({ states: [] }, () => true);
    });

    it('domain, category (an item) and sub-category (with its items)', () => {
      expectFilter({ domainId: '02' }, (o) => o.domainId === '02');
      expectFilter({ categoryId: '0200201' }, (o) => o.categoryId === '0200201');
      const sub = expectFilter({ categoryId: '02002' }, (o) => o.categoryId.startsWith('02002'));
      expect(new Set(sub.map((id) => seeded.orders.find((o) => o.id === id)?.categoryId))).toEqual(
        new Set(['0200201', '0200203']),
      );
      expectFilter({ categoryId: '01' }, (o) => o.domainId === '01');
      expectFilter({ categoryId: '02002', domainId: '01' }, () => false);
    });

    it('station, workstation, department', () => {
      expectFilter({ stationId: 'HQ-S1' }, (o) => o.stationId === 'HQ-S1');
      expectFilter({ workstationId: 'HQ-W-HQ05' }, (o) => o.workstationId === 'HQ-W-HQ05');
      expectFilter({ departmentId: 'DEP-CG' }, (o) => o.handlerKind === 'department' && o.handlerId === 'DEP-CG');
    });

    it('urgency, supervised, source', () => {
      expectFilter({ urgency: 'critical' }, (o) => o.urgency === 'critical');
      expectFilter({ supervised: true }, (o) => o.supervised);
      expectFilter({ supervised: false }, (o) => !o.supervised);
      expectFilter({ source: 'hotline' }, (o) => o.source === 'hotline');
    });

    it('light: red, yellow, green as the traffic light shows them', () => {
      for (const l of ['red', 'yellow', 'green'] as const) {
        expectFilter({ light: l }, (o) => light(o) === l);
        // and the rows say so themselves
        const rows = seeded.query.list(
          { filter: { light: l }, sort: 'created_desc', cursor: null, limit: 500 },
          CENTER,
        ).rows;
        expect(new Set(rows.map((row) => row.light))).toEqual(new Set([l]));
      }
    });

    it('date range, both ends inclusive', () => {
      const from = seeded.orders[100]?.createdAt ?? 0;
      const to = seeded.orders[200]?.createdAt ?? 0;
      expectFilter({ createdFrom: from, createdTo: to }, (o) => o.createdAt >= from && o.createdAt <= to);
      expectFilter({ createdFrom: from }, (o) => o.createdAt >= from);
    });

    it('filters combine (AND)', () => {
      expectFilter(
        { domainId: '02', states: ['handling', 'dispatched', 'parked'], stationId: 'HQ-S2', urgency: 'normal' },
        (o) =>
          o.domainId === '02' &&
          ['handling', 'dispatched', 'parked'].includes(o.state) &&
          o.stationId === 'HQ-S2' &&
          o.urgency === 'normal',
      );
      expectFilter(
        { workstationId: 'HQ-W-CL02', light: 'red', supervised: false },
        (o) => o.workstationId === 'HQ-W-CL02' && light(o) === 'red' && !o.supervised,
      );
    });
  });

  describe('scope', () => {
    it('a station user sees only the station’s orders, whatever the filter asks', () => {
      const s1: OrderScope = { stationId: 'HQ-S1' };
      const { ids } = allPages(seeded.query, {}, 'created_desc', s1);
      expect(ids).toEqual(
        sorted(
          seeded.orders.filter((o) => o.stationId === 'HQ-S1'),
          'created_desc',
        ),
      );
      expect(allPages(seeded.query, { text: '井盖' }, 'created_desc', s1).ids).toEqual(
        sorted(
          seeded.orders.filter((o) => o.stationId === 'HQ-S1' && text(o).includes('井盖')),
          'created_desc',
        ),
      );
      expect(allPages(seeded.query, { workstationId: 'HQ-W-CL02' }, 'created_desc', s1).ids).toEqual([]);
      expect(
        seeded.query.list({ filter: { stationId: 'HQ-S2' }, sort: 'created_desc', cursor: null, limit: 10 }, s1),
      ).toEqual({
        rows: [],
        nextCursor: null,
        total: 0,
      });
    });
  });
});
