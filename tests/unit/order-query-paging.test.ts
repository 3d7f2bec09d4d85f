import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError, type OrderFilter } from '../../common/contract';
import { isOpen } from '../../common/domain/orders/states';
import { openDatabase } from '../../main/db/connection';
import { OrderQuery, TOTAL_CAP, type OrderSort } from '../../main/services/orders/order-query';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/hub';
import {
  allPages,
  CENTER,
  HOUR,
  insertOrder,
  light,
  NOW,
  sla,
  sorted,
  useSeededOrders,
} from '../helpers/order-query-fixture';

// OrderQuery's sorts, keyset paging and cursors, and the capped total.

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
