import { describe, expect, it } from 'vitest';
import { listMemory, type KeyValueStore } from '../../renderer/src/orders/workspace/listMemory';
import type { OrderListQuery } from '../../renderer/src/orders/workspace/query';

// The order list's memory across a reload (listMemory.ts): this window, this user, once per page load.

function mapStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const linked: OrderListQuery = { filter: { light: 'red', stationId: 'HQ-S1', drill: false }, sort: 'deadline_asc' };

describe('the order list remembered across a reload', () => {
  it('gives back what the list showed, for the same user, on the next page load only', () => {
    const store = mapStore();
    listMemory(store).save(7, linked);
    const nextPage = listMemory(store);
    expect(nextPage.takeSaved(8)).toBeNull();
    expect(listMemory(store).takeSaved(7)).toEqual(linked);
    // Opening the list again later in the same page starts from the default, as before.
    const page = listMemory(store);
    expect(page.takeSaved(7)).toEqual(linked);
    // A render thrown away before the list was shown asks again and gets the same list.
    expect(page.takeSaved(7)).toEqual(linked);
    page.save(7, linked);
    expect(page.takeSaved(7)).toBeNull();
  });

  it('forgets a list put back to the default', () => {
    const store = mapStore();
    const page = listMemory(store);
    page.save(7, linked);
    page.save(7, { filter: {}, sort: 'created_desc' });
    expect(store.map.size).toBe(0);
    expect(listMemory(store).takeSaved(7)).toBeNull();
  });

  it('ignores stored text that is not a valid list: bad JSON, unknown keys, bad values, hostile or huge text', () => {
    const bad = [
      'not-json',
      '{"filter":{},"sort":"created_desc","extra":1}',
      '{"filter":{"light":"purple"},"sort":"created_desc"}',
      '{"filter":{"stationId":"HQ-S1"},"sort":"drop table"}',
      '{"filter":{"__proto__":{"admin":true}},"sort":"created_desc"}',
      JSON.stringify({ filter: { text: 'x'.repeat(5_000) }, sort: 'created_desc' }),
      '[]',
    ];
    for (const raw of bad) {
      const store = mapStore();
      store.map.set('cityops.orders.query.7', raw);
      expect(listMemory(store).takeSaved(7), raw.slice(0, 60)).toBeNull();
    }
  });

  it('a storage that refuses reads or writes only means the default list', () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const page = listMemory(refusing);
    expect(() => page.save(7, linked)).not.toThrow();
    expect(listMemory(refusing).takeSaved(7)).toBeNull();
  });
});
