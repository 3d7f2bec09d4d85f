import type { ContactKind } from '../../../common/domain/contacts';
import type { Db } from '../../db/connection';
import { OrgRepo } from '../org/org-repo';
import { UsersRepo } from '../users/users-repo';

/** A live or deleted contact row with the names of what it points at. */
export interface ContactRow {
  id: number;
  kind: ContactKind;
  name: string;
  parentId: number | null;
  parentName: string | null;
  /** The department row's own sort, to list people under their department. */
  parentSort: number | null;
  parentOrgUnitId: string | null;
  title: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  phone: string | null;
  mobile: string | null;
  note: string | null;
  userId: number | null;
  userName: string | null;
  userDisabled: number | null;
  seedKey: string | null;
  sort: number;
  updatedAt: number;
  deletedAt: number | null;
}

export interface ContactFields {
  kind: ContactKind;
  name: string;
  parentId: number | null;
  title: string | null;
  orgUnitId: string | null;
  phone: string | null;
  mobile: string | null;
  note: string | null;
  userId: number | null;
}

const SELECT = `
  SELECT c.id, c.kind, c.name, c.parent_id AS parentId, p.name AS parentName, p.sort AS parentSort,
         p.org_unit_id AS parentOrgUnitId,
         c.title, c.org_unit_id AS orgUnitId, o.name AS orgUnitName, c.phone, c.mobile, c.note,
         c.user_id AS userId, c.seed_key AS seedKey, c.sort, c.updated_at AS updatedAt, c.deleted_at AS deletedAt
  FROM contacts c
  LEFT JOIN contacts p ON p.id = c.parent_id
  LEFT JOIN org_units o ON o.id = c.org_unit_id`;

/** A contact row as selected: the linked user's name and state are added from UsersRepo. */
type RawContactRow = Omit<ContactRow, 'userName' | 'userDisabled'>;

/** Sort of rows an administrator adds: after the seeded units and departments. */
const ADDED_SORT = 1000;

/** SQL for the 通讯录; ContactsService holds the rules. */
export class ContactsRepo {
  /** The units and users a contact points at are asked of their own domains. */
  private readonly org: OrgRepo;
  private readonly users: UsersRepo;

  constructor(private readonly db: Db) {
    this.org = new OrgRepo(db);
    this.users = new UsersRepo(db);
  }

  /** Every live contact (a town's phone book is hundreds of rows: searched in memory). */
  live(): ContactRow[] {
    return this.withUsers(this.db.prepare(`${SELECT} WHERE c.deleted_at IS NULL`).all() as RawContactRow[]);
  }

  /** A contact by id, deleted or not. */
  byId(id: number): ContactRow | undefined {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as RawContactRow | undefined;
    return row && this.withUsers([row])[0];
  }

  /** The live contact linked to a console user. */
  byUser(userId: number): ContactRow | undefined {
    const row = this.db.prepare(`${SELECT} WHERE c.user_id = ? AND c.deleted_at IS NULL`).get(userId) as
      RawContactRow | undefined;
    return row && this.withUsers([row])[0];
  }

  /**
   * The rows with their console user's display name and whether it is disabled (null without a
   * user). The org unit's name stays a join: org_units is reference data, never written here.
   */
  private withUsers(rows: RawContactRow[]): ContactRow[] {
    return rows.map((row) => {
      const user = row.userId === null ? undefined : this.users.byId(row.userId);
      return { ...row, userName: user?.displayName ?? null, userDisabled: user ? (user.disabled ? 1 : 0) : null };
    });
  }

  /** The ids among `ids` of contacts not deleted. */
  liveIds(ids: readonly number[]): Set<number> {
    const rows = this.db
      .prepare('SELECT id FROM contacts WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(ids)])) as { id: number }[];
    return new Set(rows.map((r) => r.id));
  }

  liveChildren(id: number): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM contacts WHERE parent_id = ? AND deleted_at IS NULL').get(id) as {
        n: number;
      }
    ).n;
  }

  insert(fields: ContactFields, now: number): number {
    const result = this.db
      .prepare(
        `INSERT INTO contacts (kind, name, parent_id, title, org_unit_id, phone, mobile, note, user_id, sort,
                               created_at, updated_at)
         VALUES (@kind, @name, @parentId, @title, @orgUnitId, @phone, @mobile, @note, @userId, @sort, @now, @now)`,
      )
      .run({ ...fields, sort: ADDED_SORT, now });
    return Number(result.lastInsertRowid);
  }

  update(id: number, fields: ContactFields, now: number): void {
    this.db
      .prepare(
        `UPDATE contacts SET name = @name, parent_id = @parentId, title = @title, org_unit_id = @orgUnitId,
                phone = @phone, mobile = @mobile, note = @note, user_id = @userId, updated_at = @now
         WHERE id = @id`,
      )
      .run({ ...fields, id, now });
  }

  markDeleted(id: number, now: number): void {
    this.db.prepare('UPDATE contacts SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  }

  orgUnitExists(id: string): boolean {
    return this.org.unit(id) !== undefined;
  }

  /** Units directly below `id` (a grid's workstations, the center's stations). */
  childUnits(id: string): string[] {
    return this.org
      .units()
      .filter((u) => u.parentId === id)
      .map((u) => u.id);
  }

  userExists(id: number): boolean {
    return this.users.byId(id) !== undefined;
  }
}
