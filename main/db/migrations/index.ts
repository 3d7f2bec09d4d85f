import orgs from './0010_orgs.sql';
import users from './0020_users.sql';
import audit from './0030_audit.sql';
import orders from './0040_orders.sql';
import ordersUpdated from './0050_orders_updated.sql';
import dutyShifts from './0060_duty_shifts.sql';
import dutyLog from './0070_duty_log.sql';
import dutyRoster from './0080_duty_roster.sql';
import dutyHandover from './0090_duty_handover.sql';
import cameras from './0100_cameras.sql';
import wall from './0110_wall.sql';
import dutySealKeyed from './0120_duty_seal_keyed.sql';
import attachmentLookups from './0130_attachment_lookups.sql';
import cameraPlayback from './0140_camera_playback.sql';
import incidents from './0150_incidents.sql';
import contacts from './0160_contacts.sql';
import wallAlarms from './0170_wall_alarms.sql';
import incidentPlanLevel from './0180_incident_plan_level.sql';
import cameraLossAlarms from './0190_camera_loss_alarms.sql';
import orderFeedbackResult from './0200_order_feedback_result.sql';
import dutyEntrySeq from './0210_duty_entry_seq.sql';
import auditDetail from './0220_audit_detail.sql';
import supervisionFollowups from './0230_supervision_followups.sql';
import incidentTimelineDetail from './0240_incident_timeline_detail.sql';
import kpiIndexes from './0250_kpi_indexes.sql';
import orderFacts from './0260_order_facts.sql';
import kpiDays from './0270_kpi_days.sql';
import { rebuildOrderFacts } from '../../services/orders/order-facts-store';
import type { Db } from '../connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Runs after `sql` in the same transaction: a rebuild of derived data that SQL alone cannot compute. */
  after?: (db: Db) => void;
}

/** Numbered tens apart so a fix can slot in between; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'orgs', sql: orgs },
  { version: 20, name: 'users', sql: users },
  { version: 30, name: 'audit', sql: audit },
  { version: 40, name: 'orders', sql: orders },
  { version: 50, name: 'orders-updated', sql: ordersUpdated },
  { version: 60, name: 'duty-shifts', sql: dutyShifts },
  { version: 70, name: 'duty-log', sql: dutyLog },
  { version: 80, name: 'duty-roster', sql: dutyRoster },
  { version: 90, name: 'duty-handover', sql: dutyHandover },
  { version: 100, name: 'cameras', sql: cameras },
  { version: 110, name: 'wall', sql: wall },
  { version: 120, name: 'duty-seal-keyed', sql: dutySealKeyed },
  { version: 130, name: 'attachment-lookups', sql: attachmentLookups },
  { version: 140, name: 'camera-playback', sql: cameraPlayback },
  { version: 150, name: 'incidents', sql: incidents },
  { version: 160, name: 'contacts', sql: contacts },
  { version: 170, name: 'wall-alarms', sql: wallAlarms },
  { version: 180, name: 'incident-plan-level', sql: incidentPlanLevel },
  { version: 190, name: 'camera-loss-alarms', sql: cameraLossAlarms },
  { version: 200, name: 'order-feedback-result', sql: orderFeedbackResult },
  { version: 210, name: 'duty-entry-seq', sql: dutyEntrySeq },
  { version: 220, name: 'audit-detail', sql: auditDetail },
  { version: 230, name: 'supervision-followups', sql: supervisionFollowups },
  { version: 240, name: 'incident-timeline-detail', sql: incidentTimelineDetail },
  { version: 250, name: 'kpi-indexes', sql: kpiIndexes },
  // 0260's own rebuild moved to 0270 (the same rebuild, now also of the per-day counts): a database
  // migrating across both rebuilds once, with the columns 0270 adds.
  { version: 260, name: 'order-facts', sql: orderFacts },
  { version: 270, name: 'kpi-days', sql: kpiDays, after: rebuildOrderFacts },
];
