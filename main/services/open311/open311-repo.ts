import type { Db } from '../../db/connection';
import { orderFeed, type OrderFeedFilter, type OrderFeedRow } from '../orders/order-feed';
import { OrgRepo, type FilingCategory } from '../org/org-repo';

/** A level-2 or level-3 category with the names of its domain and parent: one Open311 service. */
export type ServiceCategory = FilingCategory;

/** An order as Open311 shows it: the usual row plus the latest history reason and the parent's code. */
export type Open311OrderRow = OrderFeedRow;

export type Open311Status = 'open' | 'closed';

export interface RequestFilter {
  /** Order codes; when given, the other filters are ignored (GeoReport v2). */
  codes?: readonly string[];
  serviceCodes?: readonly string[];
  /** Inclusive bounds on the requested (created) time, epoch ms. */
  from?: number;
  to?: number;
  status?: readonly Open311Status[];
  /** Only orders filed through Open311 (source open311): what a caller without a key may read. */
  open311Only?: boolean;
  limit: number;
}

/**
 * What the Open311 endpoint reads, asked of the domains that own it: services are categories and
 * workstations are org units (OrgRepo), requests are orders (orders/order-feed.ts). Here only the
 * GeoReport reading of a filter (docs/open311.md).
 */
export class Open311Repo {
  private readonly org: OrgRepo;

  constructor(private readonly db: Db) {
    this.org = new OrgRepo(db);
  }

  /** Every category an order may be filed under (levels 2 and 3), in reference order. */
  serviceCategories(): ServiceCategory[] {
    return this.org.filingCategories();
  }

  serviceCategory(code: string): ServiceCategory | undefined {
    return this.org.filingCategory(code);
  }

  /** A village/residential workstation by id or by exact name. */
  workstation(ref: string): { id: string; name: string } | undefined {
    return this.org.workstationByRef(ref);
  }

  unitName(id: string): string | undefined {
    return this.org.unit(id)?.name;
  }

  /** Orders newest first (by requested time). */
  requests(filter: RequestFilter): Open311OrderRow[] {
    return orderFeed(this.db, feedFilter(filter));
  }
}

/** A GeoReport filter as an order feed's: codes override every other filter but the source. */
function feedFilter(filter: RequestFilter): OrderFeedFilter {
  // Applies with codes too: naming another order's code must not reveal it.
  const source = filter.open311Only ? { source: 'open311' as const } : {};
  if (filter.codes) return { ...source, codes: filter.codes, limit: filter.limit };
  const status = new Set(filter.status ?? []);
  return {
    ...source,
    ...(filter.serviceCodes?.length ? { categoryIds: filter.serviceCodes } : {}),
    ...(filter.from !== undefined ? { from: filter.from } : {}),
    ...(filter.to !== undefined ? { to: filter.to } : {}),
    ...(status.size === 1 ? { finished: status.has('closed') } : {}),
    limit: filter.limit,
  };
}
