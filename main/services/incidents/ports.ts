import type { IncidentNotification } from '../../../common/contract/incidents';

/**
 * What other parts of the hub give the incident views. The contacts part (通讯录, notifications)
 * fills `notifications`; without it incidents.get shows none.
 */
export interface IncidentPorts {
  /** The notifications of an incident, oldest first. */
  notifications: (incidentId: number) => IncidentNotification[];
}

export const noIncidentPorts: IncidentPorts = { notifications: () => [] };
