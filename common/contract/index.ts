import type { z } from 'zod';
import { adminMethods, apiKeyMethods, auditMethods } from './admin';
import { attachmentMethods } from './attachments';
import { backupMethods } from './backups';
import { healthMethods } from './health';
import { cameraMethods } from './cameras';
import { contactMethods, notifyMethods } from './contacts';
import { dashboardMethods } from './dashboard';
import { mediaMethods } from './media';
import { demoMethods } from './demo';
import { dutyHandoverMethods } from './duty-handover';
import { dutyLogMethods } from './duty-log';
import { dutyRosterMethods } from './duty-roster';
import { incidentMethods } from './incidents';
import { incidentReportMethods } from './incident-report';
import { reportMethods } from './kpi-reports';
import { inboxMethods } from './inbox';
import { overviewMethods } from './overview';
import { orderMethods } from './orders';
import { slaMethods } from './sla';
import { authMethods } from './auth';
import { open311Methods } from './open311';
import { orgMethods } from './org';
import { systemMethods } from './system';
import { clockMethods } from './clock';
import { wallMethods } from './wall';
import { wallLossMethods } from './wall-loss';

export * from './define';
export * from './errors';
export * from './control-chars';
export * from './events';
export * from './schemas';
export * from './admin';
export * from './bigscreen';
export * from './backups';
export * from './health';
export * from './audit-detail';
export * from './org';
export * from './orders';
export * from './sla';
export * from './attachments';
export * from './cameras';
export * from './media';
export * from './demo';
export * from './duty-handover';
export * from './duty-log';
export * from './duty-roster';
export * from './wall';
export * from './wall-loss';
export * from './incidents';
export * from './incident-report';
export * from './contacts';
export * from './inbox';
export * from './dashboard';
export * from './kpi-reports';
export * from './overview';
export * from './clock';
export * from './disk';

/** Every API method, once. Main routes and validates by it; the renderer is typed by it. */
export const contract = {
  ...systemMethods,
  ...clockMethods,
  ...authMethods,
  ...orgMethods,
  ...adminMethods,
  ...auditMethods,
  ...apiKeyMethods,
  ...backupMethods,
  ...healthMethods,
  ...orderMethods,
  ...slaMethods,
  ...attachmentMethods,
  ...dutyLogMethods,
  ...dutyHandoverMethods,
  ...dutyRosterMethods,
  ...cameraMethods,
  ...mediaMethods,
  ...demoMethods,
  ...wallMethods,
  ...wallLossMethods,
  ...incidentMethods,
  ...incidentReportMethods,
  ...contactMethods,
  ...notifyMethods,
  ...inboxMethods,
  ...dashboardMethods,
  ...reportMethods,
  ...overviewMethods,
  ...open311Methods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
