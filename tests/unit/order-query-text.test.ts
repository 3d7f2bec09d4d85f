import { describe, expect, it } from 'vitest';
import type { OrderState } from '../../common/domain/orders/states';
import type { DuplicatesInput } from '../../main/services/orders/order-query';
import { indexOrderText } from '../../main/services/orders/order-search';
import { CENTER, DAY, HOUR, insertOrder, light, NOW, text, useSeededOrders } from '../helpers/order-query-fixture';

// OrderQuery's full-text search and its duplicate suggestions (which insert orders of their own: last in the file).

describe('OrderQuery', () => {
  const seeded = useSeededOrders();
  const { expectFilter } = seeded;

  describe('full text', () => {
    it('a two-character term finds exactly the orders containing it (井盖, not 盖子)', () => {
      const ids = expectFilter({ text: '井盖' }, (o) => text(o).includes('井盖'));
      expect(ids.length).toBeGreaterThan(10);
      const lids = seeded.orders.filter((o) => text(o).includes('盖子') && !text(o).includes('井盖'));
      expect(lids.length).toBeGreaterThan(0);
      for (const o of lids) expect(ids).not.toContain(o.id);
    });

    it('a longer term is a phrase: 占道经营 but not 占道 … 经营 apart', () => {
      const ids = expectFilter({ text: '占道经营' }, (o) => text(o).includes('占道经营'));
      const apart = seeded.orders.filter((o) => text(o).includes('占道堆物，无证经营'));
      expect(apart.length).toBeGreaterThan(0);
      for (const o of apart) expect(ids).not.toContain(o.id);
      expect(ids.length).toBeGreaterThan(0);
    });

    it('a latin word, case-insensitively, and an order code', () => {
      expect(expectFilter({ text: 'led' }, (o) => text(o).includes('LED')).length).toBeGreaterThan(0);
      const target = seeded.orders[42];
      expect(expectFilter({ text: target?.code ?? '' }, (o) => o.code === target?.code)).toEqual([target?.id]);
    });

    it('two terms must both occur', () => {
      const ids = expectFilter({ text: '井盖 海塘村' }, (o) => text(o).includes('井盖') && text(o).includes('海塘村'));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length).toBeLessThan(seeded.orders.filter((o) => text(o).includes('井盖')).length);
    });

    it('combines with filters and every sort (through the FTS index or through a list of its ids)', () => {
      for (const sort of ['created_desc', 'created_asc', 'deadline_asc', 'updated_desc'] as const) {
        expectFilter({ text: '井盖', domainId: '02' }, (o) => text(o).includes('井盖') && o.domainId === '02', sort);
        expectFilter(
          { text: '井盖', workstationId: 'HQ-W-CL02' },
          (o) => text(o).includes('井盖') && o.workstationId === 'HQ-W-CL02',
          sort,
        );
        expectFilter({ text: '路灯', light: 'red' }, (o) => text(o).includes('路灯') && light(o) === 'red', sort);
      }
    });

    it('a lone character is too common to search by and is ignored', () => {
      expectFilter({ text: '井' }, () => true);
    });

    it('FTS5 syntax in the search box is just text', () => {
      for (const t of ['井盖 OR 路灯', 'NOT 井盖', '"井盖', '井盖*', 'NEAR(井盖 路灯)', '^井盖', 'led:1', '(']) {
        expect(() =>
          seeded.query.list({ filter: { text: t }, sort: 'created_desc', cursor: null, limit: 5 }, CENTER),
        ).not.toThrow();
      }
      // OR is a word to find, not an operator: nothing contains "or", so nothing is found
      expect(
        seeded.query.list({ filter: { text: '井盖 OR 路灯' }, sort: 'created_desc', cursor: null, limit: 5 }, CENTER)
          .rows,
      ).toEqual([]);
    });

    it('re-indexing replaces an order’s text', () => {
      const o = insertOrder(seeded.db, { title: '临时工单窨井异味', createdAt: NOW - 2 * DAY, state: 'voided' });
      try {
        expect(
          seeded.query
            .list({ filter: { text: '窨井' }, sort: 'created_desc', cursor: null, limit: 10 }, CENTER)
            .rows.map((r) => r.id),
        ).toEqual([o.id]);
        indexOrderText(seeded.db, o.id, { ...o, title: '临时工单化粪池满溢' });
        expect(
          seeded.query.list({ filter: { text: '窨井' }, sort: 'created_desc', cursor: null, limit: 10 }, CENTER).rows,
        ).toEqual([]);
        expect(
          seeded.query
            .list({ filter: { text: '化粪池' }, sort: 'created_desc', cursor: null, limit: 10 }, CENTER)
            .rows.map((r) => r.id),
        ).toEqual([o.id]);
      } finally {
        seeded.db.prepare('DELETE FROM orders_fts WHERE rowid = ?').run(o.id);
        seeded.db.prepare('DELETE FROM orders WHERE id = ?').run(o.id);
      }
    });
  });

  describe('duplicates', () => {
    it('ranks open orders of the same category and place by text similarity', () => {
      const base = {
        categoryId: '0200201',
        workstationId: 'HQ-W-HQ01' as string | null,
        state: 'handling' as OrderState,
      };
      const t0 = NOW - 3 * DAY;
      const { db } = seeded;
      const made = {
        close: insertOrder(db, {
          ...base,
          title: '向东村川沙路井盖缺失',
          description: '井盖缺失有人掉落风险',
          createdAt: t0,
        }),
        near: insertOrder(db, {
          ...base,
          title: '向东村川沙路口井盖破损',
          description: '井盖破损',
          createdAt: t0 + HOUR,
        }),
        far: insertOrder(db, { ...base, title: '消防栓漏水', description: '水流到路面', createdAt: t0 + 2 * HOUR }),
        recentFar: insertOrder(db, { ...base, title: '路面塌陷', description: '', createdAt: NOW - 2 * HOUR }),
        closed: insertOrder(db, { ...base, state: 'closed', title: '向东村川沙路井盖缺失', createdAt: t0 }),
        otherPlace: insertOrder(db, {
          ...base,
          workstationId: 'HQ-W-HQ05',
          title: '向东村川沙路井盖缺失',
          createdAt: t0,
        }),
        otherCategory: insertOrder(db, {
          ...base,
          categoryId: '0200203',
          title: '向东村川沙路井盖缺失',
          createdAt: t0,
        }),
        old: insertOrder(db, { ...base, title: '向东村川沙路井盖缺失', createdAt: NOW - 8 * DAY }),
      };
      const ask: DuplicatesInput = {
        categoryId: '0200201',
        workstationId: 'HQ-W-HQ01',
        title: '向东村川沙路井盖缺失',
        description: '井盖缺失',
      };
      const found = seeded.query.duplicates(ask, CENTER);
      // seeded orders of 0200201 at HQ-W-HQ01 may also qualify; ours must rank as follows
      const ids = found.map((d) => d.id);
      expect(ids.indexOf(made.close.id)).toBe(0);
      expect(ids).toContain(made.near.id);
      expect(ids).not.toContain(made.far.id);
      for (const no of [made.closed, made.otherPlace, made.otherCategory, made.old]) expect(ids).not.toContain(no.id);
      expect(found.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < found.length; i++)
        expect(found[i - 1]?.similarity).toBeGreaterThanOrEqual(found[i]?.similarity ?? 0);
      expect(found[0]?.similarity).toBeGreaterThan(0.5);
      // within 24 hours: suggested whatever the text
      expect(ids).toContain(made.recentFar.id);
      expect(found.find((d) => d.id === made.recentFar.id)?.similarity).toBeLessThan(0.2);
      // a longer window reaches the old one; a station user of the other station sees none
      expect(seeded.query.duplicates(ask, CENTER, 10).map((d) => d.id)).toContain(made.old.id);
      expect(seeded.query.duplicates(ask, { stationId: 'HQ-S2' })).toEqual([]);
      // no workstation: only orders without one
      const none = seeded.query.duplicates({ ...ask, workstationId: null }, CENTER);
      expect(none.every((d) => d.workstationId === null)).toBe(true);
    });
  });
});
