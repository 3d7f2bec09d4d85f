import { shellMessagesZh } from './shell.zh';
import { orgMessagesZh } from './org.zh';
import { usersMessagesZh } from './users.zh';
import { auditViewMessagesZh } from './audit-view.zh';
import { ordersMessagesZh } from './orders.zh';
import { slaMessagesZh } from './sla.zh';
import { apikeysMessagesZh } from './apikeys.zh';
import { backupsMessagesZh } from './backups.zh';
import { camerasZh } from './cameras.zh';
import { contactsZh } from './contacts.zh';
import { dutyZh } from './duty.zh';
import { notifyZh } from './notify.zh';
import { incidentReportZh } from './incidentReport.zh';
import { incidentsZh } from './incidents.zh';
import { rosterZh } from './roster.zh';
import { wallZh } from './wall.zh';
import { incidentOrdersZh } from './incident-orders.zh';
import { wallAlarmZh } from './wall-alarm.zh';
import { wallLossZh } from './wall-loss.zh';
import { incidentPlansZh } from './incident-plans.zh';
import { shortcutsZh } from './shortcuts.zh';
import { placeZh } from './place.zh';
import { inboxZh } from './inbox.zh';
import { kpiReportsZh } from './kpi-reports.zh';
import { dashboardZh } from './dashboard.zh';
import { overviewZh } from './overview.zh';
import { bigscreenZh } from './bigscreen.zh';

/** Chinese (default) UI strings. en.ts is typed by this object, so a missing key fails typecheck. */
const zhCN = {
  cameras: camerasZh,
  contacts: contactsZh,
  duty: dutyZh,
  notify: notifyZh,
  incidentReport: incidentReportZh,
  incidents: incidentsZh,
  roster: rosterZh,
  wall: wallZh,
  incidentOrders: incidentOrdersZh,
  wallAlarm: wallAlarmZh,
  wallLoss: wallLossZh,
  incidentPlans: incidentPlansZh,
  shortcuts: shortcutsZh,
  place: placeZh,
  inbox: inboxZh,
  dashboard: dashboardZh,
  kpiReports: kpiReportsZh,
  overview: overviewZh,
  bigscreen: bigscreenZh,
  ...shellMessagesZh,
  ...orgMessagesZh,
  ...usersMessagesZh,
  ...auditViewMessagesZh,
  ...ordersMessagesZh,
  ...slaMessagesZh,
  ...apikeysMessagesZh,
  ...backupsMessagesZh,
} satisfies Messages;

/** Nested string records: the shape every language file shares. */
interface Messages {
  [key: string]: string | Messages;
}

export type MessageTree = typeof zhCN;
export default zhCN;
