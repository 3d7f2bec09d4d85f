import { z } from 'zod';
import { orderFilterSchema, orderSortSchema } from '../../../../common/contract/orders';
import { DEFAULT_QUERY, type OrderListQuery } from './query';

/** What the memory needs of sessionStorage (a stand-in in unit tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY_PREFIX = 'cityops.orders.query.';
/** A filter's JSON is a few hundred characters; anything longer was not written by this list. */
const MAX_LENGTH = 4_000;
const savedQuerySchema = z.object({ filter: orderFilterSchema.strict(), sort: orderSortSchema }).strict();

export interface ListMemory {
  /**
   * The query this window's list showed before the page was loaded, until the list has been shown
   * once (the first `save`); else null. Asking again before that gives the same answer, because a
   * render React throws away (a suspended lazy chunk) runs the list's initial state a second time.
   */
  takeSaved(userId: number): OrderListQuery | null;
  save(userId: number, query: OrderListQuery): void;
}

/**
 * The order list's filter and sort, kept for this window under the signed-in user, so that a reload
 * — of a list a number of the overview opened, or one the operator filtered — shows the same orders.
 * Read once per page load: opening the list again later in the same page starts from the default,
 * as it always has. Whatever is stored is validated by the contract's schema; anything else is ignored.
 */
export function listMemory(store: KeyValueStore): ListMemory {
  let shown = false;
  const read = new Map<number, OrderListQuery | null>();
  const load = (userId: number): OrderListQuery | null => {
    try {
      const raw = store.getItem(KEY_PREFIX + String(userId));
      if (raw === null || raw.length > MAX_LENGTH) return null;
      const parsed = savedQuerySchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  return {
    takeSaved(userId) {
      if (shown) return null;
      if (!read.has(userId)) read.set(userId, load(userId));
      return read.get(userId) ?? null;
    },
    save(userId, query) {
      shown = true;
      const key = KEY_PREFIX + String(userId);
      try {
        const unchanged = query.sort === DEFAULT_QUERY.sort && Object.keys(query.filter).length === 0;
        if (unchanged) store.removeItem(key);
        else store.setItem(key, JSON.stringify(query));
      } catch {
        // A full or refused storage only means the next reload starts from the default list.
      }
    },
  };
}
