import type { ComponentType } from 'react';
import type { IncidentDetail } from '../../../../common/contract';
import { IncidentExportButtons } from './IncidentExportButtons';
import { IncidentNotificationList } from '../notifications';

export interface IncidentExtensionProps {
  detail: IncidentDetail;
  /** The incident is still running (closed ones are read-only). */
  active: boolean;
}

export interface IncidentExtension {
  key: string;
  Component: ComponentType<IncidentExtensionProps>;
}

/**
 * What other parts of incident mode add to the incident page, each owning its component and its
 * methods (append here, one line each; nothing else in this workspace needs to change):
 * - `SECTIONS`: full-width cards below the checklist and reports (e.g. the notifications and
 *   confirmations of the contacts feature);
 * - `ACTIONS`: buttons in the incident's header beside 调整级别 / 结束事件 (e.g. the incident report
 *   download).
 */
export const INCIDENT_SECTIONS: readonly IncidentExtension[] = [
  {
    key: 'notifications',
    Component: ({ detail, active }) => (
      <IncidentNotificationList incidentId={detail.incident.id} notifications={detail.notifications} closed={!active} />
    ),
  },
];
export const INCIDENT_ACTIONS: readonly IncidentExtension[] = [
  {
    key: 'export',
    Component: ({ detail }) => (
      <IncidentExportButtons incidentId={detail.incident.id} closed={detail.incident.closedAt !== null} />
    ),
  },
];
