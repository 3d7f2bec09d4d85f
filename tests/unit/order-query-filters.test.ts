import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OrderFilter } from '../../common/contract';
import { isOpen } from '../../common/domain/orders/states';
import { openDatabase } from '../../main/db/connection';
import {
  OrderQuery,
  type OrderListInput,
  type OrderScope,
  type OrderSort,
} from '../../main/services/orders/order-query';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/test-env';
import {
  allPages,
  CENTER,
  light,
  NOW,
  sla,
  sorted,
  text,
  useSeededOrders,
  type TestOrder,
} from '../helpers/order-query-fixture';

// OrderQuery's filters and the station scope, checked against the oracle of the seeded orders, and its SQL: each
// page walks its index, and a lost index is an error.

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

  describe('query plans', () => {
    const input = (filter: OrderFilter, sort: OrderSort = 'created_desc'): OrderListInput => ({
      filter,
      sort,
      cursor: null,
      limit: 100,
    });

    it('the main page walks the domain index in order: no full scan, no sort', () => {
      const plan = seeded.query.explain(
        input({ domainId: '01', states: ['dispatched', 'handling', 'handled'] }),
        CENTER,
      );
      expect(plan[0]).toMatch(/^SEARCH o USING INDEX orders_domain_created \(domain_id=\?\)/);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN c|SCAN w/);
    });

    it('other pages walk their index', () => {
      const first = (filter: OrderFilter, sort?: OrderSort) =>
        seeded.query.explain(input(filter, sort), CENTER)[0] ?? '';
      expect(first({})).toMatch(/^SCAN o USING INDEX orders_created/);
      expect(first({ workstationId: 'HQ-W-CL02', domainId: '02' })).toMatch(
        /orders_workstation_created \(workstation_id=\?\)/,
      );
      expect(first({ states: ['handling'], stationId: 'HQ-S1' })).toMatch(/orders_state_created \(state=\?\)/);
      expect(first({ stationId: 'HQ-S1', states: ['handling', 'filed'] })).toMatch(
        /orders_station_created \(station_id=\?\)/,
      );
      expect(first({ domainId: '02' }, 'deadline_asc')).toMatch(/orders_deadline/);
      expect(first({}, 'updated_desc')).toMatch(/orders_updated/);
      expect(first({ text: '井盖' })).toMatch(/^SCAN f VIRTUAL TABLE/);
      expect(first({ text: '井盖', domainId: '02' })).toMatch(/^SCAN f VIRTUAL TABLE/);
      // a selective filter and an uncommon term: the index walks, checking a list of the term's ids
      expect(seeded.query.explain(input({ text: '井盖', workstationId: 'HQ-W-CL02' }), CENTER).join('\n')).toMatch(
        /^SEARCH o USING INDEX orders_workstation_created \(workstation_id=\?\)\nLIST SUBQUERY/,
      );
      expect(seeded.query.explain(input({}), { stationId: 'HQ-S2' })[0]).toMatch(/orders_station_created/);
    });

    it('a lost index is an error, not a slow scan', () => {
      const other = tempDir();
      const db2 = openDatabase(other);
      try {
        seedReferenceData(db2);
        db2.exec('DROP INDEX orders_domain_created');
        const q2 = new OrderQuery(db2, sla, () => NOW);
        expect(() => q2.list(input({ domainId: '01' }), CENTER)).toThrow(/no such index: orders_domain_created/);
      } finally {
        db2.close();
        fs.rmSync(other, { recursive: true, force: true });
      }
    });
  });
});
