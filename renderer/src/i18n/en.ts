import { shellMessagesEn } from './shell.en';
import { orgMessagesEn } from './org.en';
import { usersMessagesEn } from './users.en';
import { auditViewMessagesEn } from './audit-view.en';
import { ordersMessagesEn } from './orders.en';
import { slaMessagesEn } from './sla.en';
import { apikeysMessagesEn } from './apikeys.en';
import { backupsMessagesEn } from './backups.en';
import { camerasEn } from './cameras.en';
import { contactsEn } from './contacts.en';
import { dutyEn } from './duty.en';
import { notifyEn } from './notify.en';
import { incidentReportEn } from './incidentReport.en';
import { incidentsEn } from './incidents.en';
import { rosterEn } from './roster.en';
import { wallEn } from './wall.en';
import { incidentOrdersEn } from './incident-orders.en';
import { wallAlarmEn } from './wall-alarm.en';
import { wallLossEn } from './wall-loss.en';
import { incidentPlansEn } from './incident-plans.en';
import { shortcutsEn } from './shortcuts.en';
import { placeEn } from './place.en';
import { inboxEn } from './inbox.en';
import { kpiReportsEn } from './kpi-reports.en';
import { dashboardEn } from './dashboard.en';
import { overviewEn } from './overview.en';
import { bigscreenEn } from './bigscreen.en';
import type { MessageTree } from './zh-CN';

const en: MessageTree = {
  cameras: camerasEn,
  contacts: contactsEn,
  duty: dutyEn,
  notify: notifyEn,
  incidentReport: incidentReportEn,
  incidents: incidentsEn,
  roster: rosterEn,
  wall: wallEn,
  incidentOrders: incidentOrdersEn,
  wallAlarm: wallAlarmEn,
  wallLoss: wallLossEn,
  incidentPlans: incidentPlansEn,
  shortcuts: shortcutsEn,
  place: placeEn,
  inbox: inboxEn,
  dashboard: dashboardEn,
  kpiReports: kpiReportsEn,
  overview: overviewEn,
  bigscreen: bigscreenEn,
  ...shellMessagesEn,
  ...orgMessagesEn,
  ...usersMessagesEn,
  ...auditViewMessagesEn,
  ...ordersMessagesEn,
  ...slaMessagesEn,
  ...apikeysMessagesEn,
  ...backupsMessagesEn,
};

export default en;
