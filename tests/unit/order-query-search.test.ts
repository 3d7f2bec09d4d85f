import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError, type OrderFilter } from '../../common/contract';
import { isOpen, type OrderState } from '../../common/domain/orders/states';
import { openDatabase } from '../../main/db/connection';
import { OrderQuery, TOTAL_CAP, type DuplicatesInput, type OrderSort } from '../../main/services/orders/order-query';
import { indexOrderText } from '../../main/services/orders/order-search';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/test-env';
import {
  allPages,
  CENTER,
  DAY,
  HOUR,
  insertOrder,
  light,
  NOW,
  sla,
  sorted,
  text,
  useSeededOrders,
} from '../helpers/order-query-fixture';

// OrderQuery's sorts, keyset paging and cursors, its full-text search and duplicate suggestions (which insert
// orders of their own: last of the seeded block), and the capped total.

describe('OrderQuery', () => {
  const seeded = useSeededOrders();
  const { expectFilter } = seeded;

  describe('sorts and keyset paging', () => {
    const sorts: OrderSort[] = ['created_desc', 'created_asc', 'deadline_asc', 'updated_desc'];
    for (const sort of sorts) {
      it(`${sort}: every page in order, no duplicates, no gaps`, () => {
        for (const limit of [1, 7, 100, 500]) {
          const { ids } = allPages(seeded.query, {}, sort, CENTER, limit);
          expect(ids).toEqual(sorted(seeded.orders, sort));
        }
        expectFilter({ stationId: 'HQ-S1' }, (o) => o.stationId === 'HQ-S1', sort);
        expectFilter({ domainId: '01', urgency: 'normal' }, (o) => o.domainId === '01' && o.urgency === 'normal', sort);
      });
    }

    it('deadline_asc: open orders by deadline, then open ones without a deadline, then finished ones', () => {
      const rows = seeded.query.list({ filter: {}, sort: 'deadline_asc', cursor: null, limit: 500 }, CENTER).rows;
      const firstFinished = rows.findIndex((row) => !isOpen(row.state));
      expect(firstFinished).toBeGreaterThan(0);
      expect(rows.slice(firstFinished).every((row) => !isOpen(row.state))).toBe(true);
      expect(rows[0]?.deadlineAt).toBe(
        Math.min(
          ...seeded.orders.filter((o) => o.closedAt === null && o.deadlineAt !== null).map((o) => o.deadlineAt ?? 0),
        ),
      );
      // state sets that rule out a part skip it
      expectFilter({ states: ['closed', 'archived'] }, (o) => ['closed', 'archived'].includes(o.state), 'deadline_asc');
      expectFilter({ states: ['handling'] }, (o) => o.state === 'handling', 'deadline_asc');
      expectFilter({ light: 'yellow' }, (o) => light(o) === 'yellow', 'deadline_asc');
    });

    it('a page can end exactly where a deadline_asc part ends', () => {
      const open = seeded.orders.filter((o) => o.closedAt === null && o.deadlineAt !== null).length;
      const first = seeded.query.list({ filter: {}, sort: 'deadline_asc', cursor: null, limit: open }, CENTER);
      expect(first.rows.every((row) => isOpen(row.state) && row.deadlineAt !== null)).toBe(true);
      const second = seeded.query.list(
        { filter: {}, sort: 'deadline_asc', cursor: first.nextCursor, limit: 5 },
        CENTER,
      );
      expect(second.rows[0]?.deadlineAt).toBeNull();
    });

    it('keeps the first page’s total on later pages, and refuses a forged or foreign cursor', () => {
      const first = seeded.query.list({ filter: {}, sort: 'created_desc', cursor: null, limit: 10 }, CENTER);
      expect(first.nextCursor).not.toBeNull();
      const cursor = first.nextCursor ?? '';
      const newer = insertOrder(seeded.db, { title: '新增的工单', createdAt: NOW - 1 });
      try {
        const second = seeded.query.list({ filter: {}, sort: 'created_desc', cursor, limit: 10 }, CENTER);
        expect(second.total).toBe(first.total);
        expect(second.rows.map((r) => r.id)).not.toContain(newer.id);
      } finally {
        seeded.db.prepare('DELETE FROM orders WHERE id = ?').run(newer.id);
        seeded.db.prepare('DELETE FROM orders_fts WHERE rowid = ?').run(newer.id);
      }
      const bad = (c: string, sort: OrderSort = 'created_desc') => {
        try {
          seeded.query.list({ filter: {}, sort, cursor: c, limit: 10 }, CENTER);
        } catch (err) {
          return err instanceof ApiError ? err.code : 'other';
        }
        return 'accepted';
      };
      expect(bad('not a cursor')).toBe('E_INVALID');
      expect(bad(Buffer.from('{"o":"created_desc","f":0,"s":0,"k":["1; DROP"],"t":1}').toString('base64url'))).toBe(
        'E_INVALID',
      );
      expect(bad(Buffer.from('{"o":"created_desc","f":0,"s":5,"k":null,"t":1}').toString('base64url'))).toBe(
        'E_INVALID',
      );
      expect(bad(cursor, 'updated_desc')).toBe('E_INVALID');
      expect(bad(cursor, 'created_desc')).toBe('accepted');
    });
  });

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

describe('OrderQuery total', () => {
  it('counts exactly up to the cap and reports the cap beyond it', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    try {
      seedReferenceData(db);
      db.transaction(() => {
        for (let i = 0; i < TOTAL_CAP + 40; i++) {
          insertOrder(db, {
            title: i % 2 === 0 ? '井盖缺失' : '路灯不亮',
            createdAt: NOW - (TOTAL_CAP + 40 - i) * HOUR,
            state: i < 30 ? 'handling' : 'archived',
          });
        }
      })();
      const q = new OrderQuery(db, sla, () => NOW);
      const total = (filter: OrderFilter) =>
        q.list({ filter, sort: 'created_desc', cursor: null, limit: 5 }, CENTER).total;
      expect(total({})).toBe(TOTAL_CAP);
      expect(total({ states: ['handling'] })).toBe(30);
      expect(total({ text: '井盖' })).toBe((TOTAL_CAP + 40) / 2);
      expect(total({ text: '井盖', states: ['handling'] })).toBe(15);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
