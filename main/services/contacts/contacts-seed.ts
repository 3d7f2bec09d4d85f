import { ROLE_NAMES, type Role } from '../../../common/domain/roles';
import type { Db } from '../../db/connection';

const UNIT_TITLES: Record<string, string> = {
  center: '城运中心',
  station: '联勤联动工作站',
  workstation: '村居工作站',
};
const DEPARTMENT_TITLES: Record<string, string> = {
  police: '派驻部门',
  enforcement: '派驻部门',
  regulator: '管理部门',
  utility: '公用事业（水电煤）',
};

/**
 * Fills the 通讯录 from the organisation data on every start (like seedReferenceData): the center,
 * the stations and the village/residential workstations, the departments that receive work, and
 * every enabled console user other than pure administrators (under their unit's row, so they can
 * be notified in the console). Rows carry a seed key and go in with INSERT OR IGNORE, and deleted
 * rows stay (hidden), so an administrator's edits and deletions survive restarts. The organisation
 * data has no telephone numbers: administrators fill them in.
 */
export function seedContacts(db: Db, now: number): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO contacts (kind, name, parent_id, title, org_unit_id, user_id, seed_key, sort,
                                     created_at, updated_at)
     VALUES (@kind, @name, @parentId, @title, @orgUnitId, @userId, @seedKey, @sort, @now, @now)`,
  );
  const idOfSeed = db.prepare('SELECT id FROM contacts WHERE seed_key = ?');
  db.transaction(() => {
    const units = db
      .prepare(
        `SELECT id, kind, name, sort FROM org_units WHERE kind IN ('center', 'station', 'workstation')
         ORDER BY CASE kind WHEN 'center' THEN 0 WHEN 'station' THEN 1 ELSE 3 END, sort, id`,
      )
      .all() as { id: string; kind: string; name: string; sort: number }[];
    const departments = db.prepare('SELECT id, name, kind, sort FROM departments ORDER BY sort, id').all() as {
      id: string;
      name: string;
      kind: string;
      sort: number;
    }[];
    // Center and stations first, then the departments, then the 36 workstations.
    let sort = 0;
    const unitRow = (u: (typeof units)[number]) => ({
      kind: 'department',
      name: u.name,
      parentId: null,
      title: UNIT_TITLES[u.kind] ?? null,
      orgUnitId: u.id,
      userId: null,
      seedKey: `unit:${u.id}`,
      sort: sort++,
      now,
    });
    for (const u of units.filter((x) => x.kind !== 'workstation')) insert.run(unitRow(u));
    for (const d of departments) {
      insert.run({
        kind: 'department',
        name: d.name,
        parentId: null,
        title: DEPARTMENT_TITLES[d.kind] ?? null,
        orgUnitId: null,
        userId: null,
        seedKey: `dept:${d.id}`,
        sort: sort++,
        now,
      });
    }
    for (const u of units.filter((x) => x.kind === 'workstation')) insert.run(unitRow(u));

    const users = db
      .prepare(
        `SELECT u.id, u.display_name AS name, u.org_unit_id AS orgUnitId,
                (SELECT group_concat(r.role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
         FROM users u
         WHERE u.disabled = 0 AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.user_id = u.id)
         ORDER BY u.id`,
      )
      .all() as { id: number; name: string; orgUnitId: string; roles: string | null }[];
    for (const u of users) {
      const roles = (u.roles?.split(',') ?? []) as Role[];
      if (roles.every((r) => r === 'admin')) continue;
      const parent = idOfSeed.get(`unit:${u.orgUnitId}`) as { id: number } | undefined;
      insert.run({
        kind: 'person',
        name: u.name,
        parentId: parent?.id ?? null,
        title: roles.map((r) => ROLE_NAMES[r].zh).join('、'),
        orgUnitId: u.orgUnitId,
        userId: u.id,
        seedKey: `user:${u.id}`,
        sort: 0,
        now,
      });
    }
  })();
}
