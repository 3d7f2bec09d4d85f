import type { Category, Department, OrgUnit } from '../../../common/contract';
import type { Role } from '../../../common/domain/roles';
import type { Db } from '../../db/connection';

/** A level-2 or level-3 category with the names of its domain (level 1) and of its parent. */
export interface FilingCategory {
  id: string;
  name: string;
  nameEn: string | null;
  level: number;
  note: string | null;
  parentName: string | null;
  domainName: string;
  domainNameEn: string | null;
}

const FILING_SELECT = `
  SELECT c.id, c.name, c.name_en AS nameEn, c.level, c.note, p.name AS parentName,
         d.name AS domainName, d.name_en AS domainNameEn
  FROM categories c
  JOIN categories d ON d.id = substr(c.id, 1, 2) AND d.level = 1
  LEFT JOIN categories p ON p.id = c.parent_id`;

/** Read access to the organisation and reference data (edited by admins in a later issue). */
export class OrgRepo {
  constructor(private readonly db: Db) {}

  units(): OrgUnit[] {
    return this.db
      .prepare(
        `SELECT id, kind, name, parent_id AS parentId, station_id AS stationId, subtype, sort
         FROM org_units ORDER BY sort, id`,
      )
      .all() as OrgUnit[];
  }

  unit(id: string): OrgUnit | undefined {
    return this.db
      .prepare(
        `SELECT id, kind, name, parent_id AS parentId, station_id AS stationId, subtype, sort
         FROM org_units WHERE id = ?`,
      )
      .get(id) as OrgUnit | undefined;
  }

  departments(): Department[] {
    return this.db.prepare('SELECT id, name, kind, sort FROM departments ORDER BY sort, id').all() as Department[];
  }

  /** The center's org unit ids (one in the seed; a list so a second center needs no code change). */
  centerIds(): string[] {
    return (
      this.db.prepare("SELECT id FROM org_units WHERE kind = 'center' ORDER BY sort, id").all() as { id: string }[]
    ).map((r) => r.id);
  }

  department(id: string): Department | undefined {
    return this.db.prepare('SELECT id, name, kind, sort FROM departments WHERE id = ?').get(id) as
      Department | undefined;
  }

  category(id: string): Category | undefined {
    return this.db
      .prepare(
        `SELECT id, parent_id AS parentId, name, name_en AS nameEn, level, note, sort FROM categories WHERE id = ?`,
      )
      .get(id) as Category | undefined;
  }

  categories(): Category[] {
    return this.db
      .prepare(
        `SELECT id, parent_id AS parentId, name, name_en AS nameEn, level, note, sort
         FROM categories ORDER BY sort, id`,
      )
      .all() as Category[];
  }

  /** Every category an order may be filed under (levels 2 and 3), in reference order (domain, then own sort). */
  filingCategories(): FilingCategory[] {
    return this.db
      .prepare(`${FILING_SELECT} WHERE c.level IN (2, 3) ORDER BY d.sort, d.id, c.sort, c.id`)
      .all() as FilingCategory[];
  }

  /** The level-2/3 category `id`, or undefined (a level-1 domain is not one an order is filed under). */
  filingCategory(id: string): FilingCategory | undefined {
    return this.db.prepare(`${FILING_SELECT} WHERE c.level IN (2, 3) AND c.id = ?`).get(id) as
      FilingCategory | undefined;
  }

  /** A village/residential workstation by id or by exact name (the id wins; then the first by sort). */
  workstationByRef(ref: string): { id: string; name: string } | undefined {
    return this.db
      .prepare(
        `SELECT id, name FROM org_units WHERE kind = 'workstation' AND (id = ? OR name = ?) ORDER BY id = ? DESC, sort LIMIT 1`,
      )
      .get(ref, ref, ref) as { id: string; name: string } | undefined;
  }

  roles(): { code: Role; nameZh: string; nameEn: string }[] {
    return this.db.prepare('SELECT code, name_zh AS nameZh, name_en AS nameEn FROM roles ORDER BY sort').all() as {
      code: Role;
      nameZh: string;
      nameEn: string;
    }[];
  }
}
