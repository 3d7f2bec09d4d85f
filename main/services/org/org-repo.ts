import type { Category, Department, OrgUnit } from '../../../common/contract';
import type { Role } from '../../../common/domain/roles';
import type { Db } from '../../db/connection';

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

  roles(): { code: Role; nameZh: string; nameEn: string }[] {
    return this.db.prepare('SELECT code, name_zh AS nameZh, name_en AS nameEn FROM roles ORDER BY sort').all() as {
      code: Role;
      nameZh: string;
      nameEn: string;
    }[];
  }
}
