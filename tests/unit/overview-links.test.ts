import { describe, expect, it } from 'vitest';
import type { OrderFilter } from '../../common/contract';
import { ordersLink, parseOrdersLink } from '../../renderer/src/orders/workspace/filterLink';

// The order list's deep link (filterLink.ts): what the overview's and the dashboards' numbers open.

describe('ordersLink / parseOrdersLink', () => {
  it('round-trips every kind of filter the overview and the dashboards use', () => {
    const filters: OrderFilter[] = [
      {},
      { states: ['accepted', 'filed'], drill: false },
      { light: 'red', stationId: 'HQ-S1', drill: false },
      { workstationId: 'HQ-W-HQ01', approval: 'extension' },
      { domainId: '02', categoryId: '0200201', createdFrom: 1_764_000_000_000, createdTo: 1_764_086_399_999 },
      { text: '井盖 & 破损 ?#=/', source: 'hotline', urgency: 'critical', supervised: true, incidentId: 7 },
    ];
    for (const filter of filters) {
      const link = ordersLink(filter);
      expect(link.startsWith('/orders?filter=')).toBe(true);
      expect(parseOrdersLink(link)).toEqual(filter);
    }
  });

  it('ignores what is not a valid filtered list: other paths, bad JSON, unknown keys, out-of-range values', () => {
    const bad = [
      '/orders',
      '/orders/42',
      '/overview?filter=%7B%7D',
      '/orders?other=1',
      '/orders?filter=not-json',
      '/orders?filter=%5B1%2C2%5D',
      `/orders?filter=${encodeURIComponent(JSON.stringify({ light: 'purple' }))}`,
      `/orders?filter=${encodeURIComponent(JSON.stringify({ states: ['accepted'], evil: '<script>' }))}`,
      `/orders?filter=${encodeURIComponent(JSON.stringify({ text: 'x'.repeat(101) }))}`,
      `/orders?filter=${encodeURIComponent(JSON.stringify({ approval: "any' OR 1=1" }))}`,
      `/orders?filter=${'%7B'.repeat(3000)}`,
    ];
    for (const path of bad) expect(parseOrdersLink(path), path).toBeNull();
  });
});
