import type { ChecklistItem } from '../../../common/contract/duty-handover';
import { SqlRepo } from '../../db/statements';

/** SQL of the units' own handover checklists (duty_checklists); checklist.ts holds the rule and the defaults. */
export class ChecklistRepo extends SqlRepo {
  /** The unit's own checklist, undefined while it uses its kind's default. */
  items(orgUnitId: string): ChecklistItem[] | undefined {
    const row = this.sql('SELECT items FROM duty_checklists WHERE org_unit_id = ?').get(orgUnitId) as
      { items: string } | undefined;
    return row ? (JSON.parse(row.items) as ChecklistItem[]) : undefined;
  }

  /** Replaces the unit's checklist. */
  save(orgUnitId: string, items: readonly ChecklistItem[], at: number): void {
    this.sql(
      `INSERT INTO duty_checklists (org_unit_id, items, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (org_unit_id) DO UPDATE SET items = excluded.items, updated_at = excluded.updated_at`,
    ).run(orgUnitId, JSON.stringify(items), at);
  }
}
