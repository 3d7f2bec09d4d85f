/** What the incident workspace and the frame mount (the 通讯录 helper's part of the incident page). */
export { IncidentNoticeCenter } from './IncidentNoticeCenter';
export { IncidentNotificationList } from './IncidentNotificationList';
export { NotifyDialog } from './NotifyDialog';
