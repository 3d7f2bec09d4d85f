import { auditDetailSchema, type AuditDetail } from '../../../common/contract/audit-detail';
import { timelineRefSchema, type TimelineEntry, type TimelineRef } from '../../../common/contract/incidents';
import type { TimelineKind } from '../../../common/domain/incidents';
import type { Db } from '../../db/connection';

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

/** A detail that does not parse (or a key this hub's console does not know) leaves the text to speak. */
function parseDetail(json: string | null): AuditDetail | null {
  if (json === null) return null;
  try {
    const parsed = auditDetailSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toEntry(row: TimelineRow): TimelineEntry {
  const parsed = row.ref === null ? null : timelineRefSchema.safeParse(JSON.parse(row.ref));
  return { ...row, ref: parsed?.success ? parsed.data : null, detail: parseDetail(row.detail) };
}

/**
 * Appends one entry to an incident's timeline (ICS 214) and answers it. The table is append-only by
 * trigger (migration 0150); every part of the hub that records something about an incident — the
 * incident service, the contacts part's notifications and confirmations — writes through here, inside
 * the caller's transaction, and then publishes `incidents.changed {what:'timeline'}` (or its own what).
 */
export function appendTimeline(db: Db, incidentId: number, entry: TimelineInput): TimelineEntry {
  const text = entry.text.trim().slice(0, TIMELINE_TEXT_MAX);
  const ref = entry.ref ? timelineRefSchema.parse(entry.ref) : null;
  const detail = entry.detail ? JSON.stringify(auditDetailSchema.parse(entry.detail)) : null;
  const info = db
    .prepare(
      `INSERT INTO incident_timeline (incident_id, at, kind, text, by_user_id, by_name, ref, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      incidentId,
      entry.at,
      entry.kind,
      text,
      entry.byUserId,
      entry.byName,
      ref && Object.keys(ref).length > 0 ? JSON.stringify(ref) : null,
      detail,
    );
  return toEntry({
    id: Number(info.lastInsertRowid),
    at: entry.at,
    kind: entry.kind,
    text,
    byUserId: entry.byUserId,
    byName: entry.byName,
    ref: ref && Object.keys(ref).length > 0 ? JSON.stringify(ref) : null,
    detail,
  });
}

/** An incident's timeline, oldest first. */
export function readTimeline(db: Db, incidentId: number): TimelineEntry[] {
  const rows = db
    .prepare(
      `SELECT id, at, kind, text, by_user_id AS byUserId, by_name AS byName, ref, detail
       FROM incident_timeline WHERE incident_id = ? ORDER BY at, id`,
    )
    .all(incidentId) as TimelineRow[];
  return rows.map(toEntry);
}
