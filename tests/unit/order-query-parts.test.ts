import { describe, expect, it } from 'vitest';
import { ApiError } from '../../common/contract';
import { categoryTree, createdIndex, orderConditions } from '../../main/services/orders/order-conditions';
import { decodeCursor, encodeCursor, type Cursor } from '../../main/services/orders/order-cursor';
import { jaccard } from '../../main/services/orders/order-duplicates';

// The parts of the order list's query (order-query.ts): the category tree, the filter's SQL, the cursor.

const tree = categoryTree([
  { id: '02', parentId: null },
  { id: '02002', parentId: '02' },
  { id: '0200201', parentId: '02002' },
  { id: '0200202', parentId: '02002' },
]);
const CENTER = { stationId: null };
const NOW = Date.UTC(2026, 10, 26, 2, 0, 0);

describe('categoryTree', () => {
  it('finds descendants, leaves and the domain', () => {
    expect(tree.withDescendants('02002')).toEqual(['02002', '0200201', '0200202']);
    expect(tree.leaf('0200201')).toBe(true);
    expect(tree.leaf('02002')).toBe(false);
    expect(tree.domainOf('0200202')).toBe('02');
  });
});

describe('createdIndex', () => {
  it('picks the most selective creation-time index, reading the categories only when filtered by one', () => {
    const untouched = () => {
      throw new Error('categories read');
    };
    expect(createdIndex({}, CENTER, untouched)).toBe('orders_created');
    expect(createdIndex({}, { stationId: 'HQ-S1' }, untouched)).toBe('orders_station_created');
    expect(createdIndex({ workstationId: 'HQ-W-CL02' }, CENTER, untouched)).toBe('orders_workstation_created');
    expect(createdIndex({ categoryId: '0200201' }, CENTER, () => tree)).toBe('orders_category_created');
    expect(createdIndex({ categoryId: '02002' }, CENTER, () => tree)).toBe('orders_domain_created');
    expect(createdIndex({ light: 'yellow' }, CENTER, untouched)).toBe('orders_deadline');
  });
});

describe('orderConditions', () => {
  it('scopes a station user and matches nothing for another station', () => {
    const own = orderConditions({}, { stationId: 'HQ-S1' }, NOW, () => tree);
    expect(own).toEqual({ sql: ['o.station_id = ?'], params: ['HQ-S1'] });
    expect(orderConditions({ stationId: 'HQ-S2' }, { stationId: 'HQ-S1' }, NOW, () => tree)).toBeNull();
  });

  it('covers a sub-category with its items and its domain, values as parameters only', () => {
    const c = orderConditions({ categoryId: '02002', text: "'; DROP TABLE orders; --" }, CENTER, NOW, () => tree);
    expect(c?.sql).toEqual(['o.category_id IN (?, ?, ?)', 'o.domain_id = ?']);
    expect(c?.params).toEqual(['02002', '0200201', '0200202', '02']);
  });
});

describe('cursor', () => {
  const cursor: Cursor = { o: 'created_desc', f: 0, s: 1, k: [NOW, 42], t: 120, p: [3] };

  it('comes back as it went out, for the same sort only', () => {
    expect(decodeCursor(encodeCursor(cursor), 'created_desc')).toEqual(cursor);
    expect(() => decodeCursor(encodeCursor(cursor), 'deadline_asc')).toThrow(ApiError);
  });

  it('refuses text that is not a cursor', () => {
    for (const bad of ['', 'not base64 \u0000', encodeCursor({ ...cursor, k: [1.5] }), 'x'.repeat(5000)]) {
      expect(() => decodeCursor(bad, 'created_desc')).toThrow(ApiError);
    }
  });
});

describe('jaccard', () => {
  it('is the share of grams in common', () => {
    expect(jaccard(new Set(['井盖', '盖缺']), new Set(['井盖', '盖破']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
