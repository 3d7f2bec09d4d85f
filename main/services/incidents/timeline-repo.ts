import { auditDetailSchema, parseAuditDetail, type AuditDetail } from '../../../common/contract/audit-detail';
import { timelineRefSchema, type TimelineEntry, type TimelineRef } from '../../../common/contract/incidents';
import type { TimelineKind } from '../../../common/domain/incidents';
import { SqlRepo } from '../../db/statements';

/** Longest timeline text: a note or report (4000) with the words around it. */
export const TIMELINE_TEXT_MAX = 4200;

export interface TimelineInput {
  kind: TimelineKind;
  text: string;
  /** Null for entries the hub writes by itself (a missed deadline). */
  byUserId: number | null;
  byName: string;
  at: number;
  ref?: TimelineRef | null;
  /** What `text` says, as data for the console (timeline-words.ts); omitted for free notes. */
  detail?: AuditDetail | null;
}

interface TimelineRow {
  id: number;
  at: number;
  kind: TimelineKind;
  text: string;
  byUserId: number | null;
  byName: string;
  ref: string | null;
  detail: string | null;
}

function toEntry(row: TimelineRow): TimelineEntry {
  const parsed = row.ref === null ? null : timelineRefSchema.safeParse(JSON.parse(row.ref));
  return { ...row, ref: parsed?.success ? parsed.data : null, detail: parseAuditDetail(row.detail) };
}

/**
 * An incident's timeline (ICS 214), append-only by trigger (migration 0150): every part of the hub
 * that records something about an incident — the incident service, the contacts part's notifications
 * and confirmations — appends through here, inside the caller's transaction, and then publishes
 * `incidents.changed {what:'timeline'}` (or its own what).
 */
export class IncidentTimelineRepo extends SqlRepo {
  /** Appends one entry and answers it. */
  append(incidentId: number, entry: TimelineInput): TimelineEntry {
    const text = entry.text.trim().slice(0, TIMELINE_TEXT_MAX);
    const parsedRef = entry.ref ? timelineRefSchema.parse(entry.ref) : null;
    const ref = parsedRef && Object.keys(parsedRef).length > 0 ? JSON.stringify(parsedRef) : null;
    const detail = entry.detail ? JSON.stringify(auditDetailSchema.parse(entry.detail)) : null;
    const info = this.sql(
      `INSERT INTO incident_timeline (incident_id, at, kind, text, by_user_id, by_name, ref, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(incidentId, entry.at, entry.kind, text, entry.byUserId, entry.byName, ref, detail);
    const { at, kind, byUserId, byName } = entry;
    return toEntry({ id: Number(info.lastInsertRowid), at, kind, text, byUserId, byName, ref, detail });
  }

  /** An incident's timeline, oldest first. */
  read(incidentId: number): TimelineEntry[] {
    const rows = this.sql(
      `SELECT id, at, kind, text, by_user_id AS byUserId, by_name AS byName, ref, detail
       FROM incident_timeline WHERE incident_id = ? ORDER BY at, id`,
    ).all(incidentId) as TimelineRow[];
    return rows.map(toEntry);
  }
}
