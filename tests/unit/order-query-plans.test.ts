import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OrderFilter } from '../../common/contract';
import { openDatabase } from '../../main/db/connection';
import { OrderQuery, type OrderListInput, type OrderSort } from '../../main/services/orders/order-query';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/hub';
import { CENTER, NOW, sla, useSeededOrders } from '../helpers/order-query-fixture';

// OrderQuery's SQL: each page walks its index, and a lost index is an error.

describe('OrderQuery', () => {
  const seeded = useSeededOrders();

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
