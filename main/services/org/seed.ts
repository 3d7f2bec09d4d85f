import type { Db } from '../../db/connection';
import { ROLE_NAMES, ROLES } from '../../../common/domain/roles';
import categoriesSeed from '../../../resources/seed/categories.json';
import departmentsSeed from '../../../resources/seed/departments.json';
import orgSeed from '../../../resources/seed/org.json';

function levelOf(id: string): number {
  return id.length <= 2 ? 1 : id.length <= 5 ? 2 : 3;
}

/**
 * Loads the reference data shipped in resources/seed on first run. Rows already present are kept
 * as they are, so later edits by an administrator survive restarts and upgrades.
 */
export function seedReferenceData(db: Db): void {
  const insertUnit = db.prepare(
    `INSERT OR IGNORE INTO org_units (id, kind, name, parent_id, station_id, subtype, sort)
     VALUES (@id, @kind, @name, @parentId, @stationId, @subtype, @sort)`,
  );
  const insertDept = db.prepare(
    'INSERT OR IGNORE INTO departments (id, name, kind, sort) VALUES (@id, @name, @kind, @sort)',
  );
  const insertCategory = db.prepare(
    `INSERT OR IGNORE INTO categories (id, parent_id, name, name_en, level, note, sort)
     VALUES (@id, @parentId, @name, @nameEn, @level, @note, @sort)`,
  );
  const insertRole = db.prepare('INSERT OR IGNORE INTO roles (code, name_zh, name_en, sort) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    // Stations before the grids that point at them: insert in two passes.
    const units = orgSeed.units.map((u, sort) => ({ ...u, sort }));
    for (const u of units.filter((x) => x.kind !== 'grid' && x.kind !== 'workstation')) insertUnit.run(u);
    for (const u of units.filter((x) => x.kind === 'grid')) insertUnit.run(u);
    for (const u of units.filter((x) => x.kind === 'workstation')) insertUnit.run(u);
    departmentsSeed.departments.forEach((d, sort) => insertDept.run({ ...d, sort }));
    categoriesSeed.categories.forEach((c, sort) => insertCategory.run({ ...c, level: levelOf(c.id), sort }));
    ROLES.forEach((code, sort) => insertRole.run(code, ROLE_NAMES[code].zh, ROLE_NAMES[code].en, sort));
  })();
}
