import { FINISHED_STATES } from '../../../common/domain/orders/states';
import type { Db } from '../../db/connection';
import { ORDER_COLUMNS, ORDER_FROM, type OrderRow } from '../orders/order-rows';

/** A level-2 or level-3 category with the names of its domain and parent: one Open311 service. */
export interface ServiceCategory {
  id: string;
  name: string;
  nameEn: string | null;
  level: number;
  note: string | null;
  parentName: string | null;
  domainName: string;
  domainNameEn: string | null;
}

/** An order as Open311 shows it: the usual row plus the latest history reason and the parent's code. */
export interface Open311OrderRow extends OrderRow {
  lastReason: string | null;
  parentCode: string | null;
}

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

const SERVICE_SELECT = `
  SELECT c.id, c.name, c.name_en AS nameEn, c.level, c.note, p.name AS parentName,
         d.name AS domainName, d.name_en AS domainNameEn
  FROM categories c
  JOIN categories d ON d.id = substr(c.id, 1, 2) AND d.level = 1
  LEFT JOIN categories p ON p.id = c.parent_id`;

const FINISHED_LIST = FINISHED_STATES.map((s) => `'${s}'`).join(', ');

/** The SQL of the Open311 endpoint (docs/architecture.md#one-hub-many-consoles: SQL stays in repository modules). */
export class Open311Repo {
  constructor(private readonly db: Db) {}

  /** Every category an order may be filed under (levels 2 and 3), in reference order. */
  serviceCategories(): ServiceCategory[] {
    return this.db
      .prepare(`${SERVICE_SELECT} WHERE c.level IN (2, 3) ORDER BY d.sort, d.id, c.sort, c.id`)
      .all() as ServiceCategory[];
  }

  serviceCategory(code: string): ServiceCategory | undefined {
    return this.db.prepare(`${SERVICE_SELECT} WHERE c.level IN (2, 3) AND c.id = ?`).get(code) as
      ServiceCategory | undefined;
  }

  /** A village/residential workstation by id or by exact name. */
  workstation(ref: string): { id: string; name: string } | undefined {
    return this.db
      .prepare(
        `SELECT id, name FROM org_units WHERE kind = 'workstation' AND (id = ? OR name = ?) ORDER BY id = ? DESC, sort LIMIT 1`,
      )
      .get(ref, ref, ref) as { id: string; name: string } | undefined;
  }

  unitName(id: string): string | undefined {
    return (this.db.prepare('SELECT name FROM org_units WHERE id = ?').get(id) as { name: string } | undefined)?.name;
  }

  /** Orders newest first (by requested time). */
  requests(filter: RequestFilter): Open311OrderRow[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const inList = (column: string, values: readonly string[]) => {
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      args.push(...values);
    };
    // Applies with codes too: naming another order's code must not reveal it.
    if (filter.open311Only) where.push("o.source = 'open311'");
    if (filter.codes) {
      inList('o.code', filter.codes);
    } else {
      if (filter.serviceCodes?.length) inList('o.category_id', filter.serviceCodes);
      if (filter.from !== undefined) {
        where.push('o.created_at >= ?');
        args.push(filter.from);
      }
      if (filter.to !== undefined) {
        where.push('o.created_at <= ?');
        args.push(filter.to);
      }
      const status = new Set(filter.status ?? []);
      if (status.size === 1) where.push(`o.state ${status.has('closed') ? '' : 'NOT '}IN (${FINISHED_LIST})`);
    }
    const sql = `
      SELECT ${ORDER_COLUMNS},
        (SELECT h.reason FROM order_history h WHERE h.order_id = o.id ORDER BY h.id DESC LIMIT 1) AS lastReason,
        (SELECT p.code FROM orders p WHERE p.id = o.parent_id) AS parentCode
      FROM ${ORDER_FROM}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY o.created_at DESC, o.id DESC
      LIMIT ?`;
    return this.db.prepare(sql).all(...args, filter.limit) as Open311OrderRow[];
  }
}
