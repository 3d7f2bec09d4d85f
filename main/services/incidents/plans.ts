import { apiError } from '../../../common/contract';
import { planLevelsSchema, type PlanDto } from '../../../common/contract/incidents';
import { INCIDENT_LEVELS, planProblems, type IncidentType, type Plan } from '../../../common/domain/incidents';
import type { Db } from '../../db/connection';
import { ContactsRepo } from '../contacts/contacts-repo';
import plansSeed from '../../../resources/seed/incident-plans.json';

interface PlanRow {
  id: number;
  type: Plan['type'];
  name: string;
  levels: string;
  updatedAt: number;
  updatedByName: string | null;
}

function toDto(row: PlanRow): PlanDto {
  return { ...row, levels: planLevelsSchema.parse(JSON.parse(row.levels)) };
}

const COLUMNS = 'id, type, name, levels, updated_at AS updatedAt, updated_by_name AS updatedByName';

/**
 * The plans (预案) as data: one per incident type, 'generic' for the rest. Seeded once from
 * resources/seed/incident-plans.json; administrators edit them (incidents.plans.save). A level is
 * applied from the plan as it is at that moment (activation, level change).
 */
export class PlansRepo {
  /** A plan names contacts to notify: whether they are live is the 通讯录's to say. */
  private readonly contacts: ContactsRepo;

  constructor(private readonly db: Db) {
    this.contacts = new ContactsRepo(db);
  }

  list(): PlanDto[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM incident_plans ORDER BY id`).all() as PlanRow[]).map(toDto);
  }

  get(id: number): PlanDto | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM incident_plans WHERE id = ?`).get(id) as PlanRow | undefined;
    return row ? toDto(row) : undefined;
  }

  /** The type's own plan, else the generic one, else none (an administrator deleted nothing: seeds stay). */
  forType(type: IncidentType): PlanDto | undefined {
    const row = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM incident_plans WHERE type IN (?, 'generic')
         ORDER BY type = 'generic' LIMIT 1`,
      )
      .get(type) as PlanRow | undefined;
    return row ? toDto(row) : undefined;
  }

  /**
   * Creates or replaces the plan of a type; the levels must pass planProblems() and name only live
   * 通讯录 contacts, each once per level. Running incidents keep the level they took (incidents.plan_level).
   */
  save(input: Pick<Plan, 'type' | 'name' | 'levels'>, byName: string, now: number): PlanDto {
    const problems = [...planProblems(input), ...this.contactProblems(input.levels)];
    const first = problems[0];
    if (first) {
      throw apiError('E_INVALID', first.zh, first.en, {
        issues: problems.map((p) => ({ path: p.field, message: p.en })),
        errors: problems,
      });
    }
    const levels = JSON.stringify(planLevelsSchema.parse(input.levels));
    this.db
      .prepare(
        `INSERT INTO incident_plans (type, name, levels, updated_at, updated_by_name) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (type) DO UPDATE SET name = excluded.name, levels = excluded.levels,
           updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name`,
      )
      .run(input.type, input.name, levels, now, byName);
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM incident_plans WHERE type = ?`).get(input.type) as PlanRow;
    return toDto(row);
  }

  /** Contacts to notify that are not (or no longer) in the 通讯录, or listed twice in one level. */
  private contactProblems(levels: Plan['levels']): { field: string; zh: string; en: string }[] {
    const ids = INCIDENT_LEVELS.flatMap((level) => levels[level].notify.map((n) => n.contactId));
    const live = this.contacts.liveIds(ids);
    const out: { field: string; zh: string; en: string }[] = [];
    for (const level of INCIDENT_LEVELS) {
      const seen = new Set<number>();
      levels[level].notify.forEach(({ contactId }, i) => {
        const field = `levels.${level}.notify.${i}.contactId`;
        if (!live.has(contactId)) {
          out.push({
            field,
            zh: `${level} 级通知对象：通讯录中没有联系人 ${contactId}（可能已删除）`,
            en: `Level ${level}: contact ${contactId} to notify is not in the directory (deleted?)`,
          });
        } else if (seen.has(contactId)) {
          out.push({
            field,
            zh: `${level} 级通知对象：联系人 ${contactId} 重复`,
            en: `Level ${level}: contact ${contactId} is listed twice`,
          });
        }
        seen.add(contactId);
      });
    }
    return out;
  }
}

/** Loads the shipped plans on first run; plans already present (maybe edited) are kept as they are. */
export function seedIncidentPlans(db: Db, now: number): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO incident_plans (type, name, levels, updated_at, updated_by_name) VALUES (?, ?, ?, ?, NULL)`,
  );
  db.transaction(() => {
    for (const p of plansSeed.plans) {
      insert.run(p.type, p.name, JSON.stringify(planLevelsSchema.parse(p.levels)), now);
    }
  })();
}
