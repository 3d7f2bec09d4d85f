import type { Category, OrderFilter } from '../../../../common/contract';
import { inShanghai } from '../../time/dayjs';
import type { OrderFilterFields } from './query';

/** The cascader's path to a category: its domain, its sub-category, itself (as far as the tree goes). */
function categoryPath(filter: OrderFilter, byId: ReadonlyMap<string, Category>): string[] | undefined {
  if (filter.categoryId === undefined) return filter.domainId === undefined ? undefined : [filter.domainId];
  const path: string[] = [];
  for (let id: string | null = filter.categoryId; id !== null && path.length < 8; id = byId.get(id)?.parentId ?? null) {
    path.unshift(id);
  }
  // Before the tree has loaded: domain first, category last, which is what toOrderFilter reads back.
  if (path.length === 1 && filter.domainId !== undefined) path.unshift(filter.domainId);
  return path;
}

/**
 * The filter bar's controls for a filter (a link's): the inverse of toOrderFilter, so the list
 * shows exactly the linked filter and the operator sees and can change every part of it.
 */
export function fieldsOf(filter: OrderFilter, categories: ReadonlyMap<string, Category>): OrderFilterFields {
  const { createdFrom, createdTo, supervised, text: _text, domainId: _d, categoryId: _c, ...same } = filter;
  const fields: OrderFilterFields = { ...same, category: categoryPath(filter, categories) };
  if (supervised !== undefined) fields.supervised = supervised ? 'yes' : 'no';
  if (createdFrom !== undefined || createdTo !== undefined) {
    fields.range = [
      createdFrom === undefined ? null : inShanghai(createdFrom),
      createdTo === undefined ? null : inShanghai(createdTo),
    ];
  }
  return fields;
}
