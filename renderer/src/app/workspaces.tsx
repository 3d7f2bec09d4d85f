import {
  AlertOutlined,
  AuditOutlined,
  BookOutlined,
  CameraOutlined,
  ClusterOutlined,
  ContactsOutlined,
  DatabaseOutlined,
  FieldTimeOutlined,
  FileProtectOutlined,
  FormOutlined,
  InboxOutlined,
  KeyOutlined,
  ProfileOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { ComponentType, ReactNode } from 'react';
import { CAMERA_VIEWERS } from '../../../common/contract/cameras';
import type { Role } from '../../../common/domain/roles';
import { ORDER_INTAKE, ORDER_OPERATORS } from '../orders/roles';
import { AccountWorkspace } from '../workspaces/account/AccountWorkspace';
import { ApiKeysWorkspace } from '../workspaces/admin/apikeys/ApiKeysWorkspace';
import { AuditWorkspace } from '../workspaces/admin/audit/AuditWorkspace';
import { BackupsWorkspace } from '../workspaces/admin/backups/BackupsWorkspace';
import { CamerasWorkspace } from '../workspaces/admin/cameras/CamerasWorkspace';
import { SlaWorkspace } from '../workspaces/admin/sla/SlaWorkspace';
import { UsersWorkspace } from '../workspaces/admin/users/UsersWorkspace';
import { IntakeWorkspace } from '../workspaces/intake/IntakeWorkspace';
import { INCIDENT_WORKSPACE_ROLES, IncidentsWorkspace } from '../incidents/workspace/IncidentsWorkspace';
import { OrdersWorkspace } from '../orders/workspace/OrdersWorkspace';
import { OrgWorkspace } from '../workspaces/org/OrgWorkspace';
import { ContactsWorkspace } from '../workspaces/contacts/ContactsWorkspace';
import { DUTY_LEDGER_ROLES, DutyWorkspace } from '../workspaces/duty/DutyWorkspace';
import { SupervisionWorkspace } from '../workspaces/supervision/SupervisionWorkspace';
import { InboxWorkspace } from '../workspaces/inbox/InboxWorkspace';
import { InboxNavBadge, SupervisionNavBadge } from '../workspaces/inbox/InboxBadges';
import { INBOX_ROLES } from '../../../common/contract/inbox';
import { WallWorkspace } from '../wall/WallWorkspace';
import { IncidentPlansWorkspace, PLAN_EDITORS } from '../incidents/plans/IncidentPlansWorkspace';

export interface Workspace {
  path: string;
  testId: string;
  label: (t: TFunction) => string;
  icon: ReactNode;
  /** Who sees it; the hub enforces the same on every call, this only keeps the UI coherent. */
  roles: 'all' | readonly Role[];
  Component: ComponentType;
  /** Fills the workspace area itself (its own scrolling, e.g. a virtualized list). */
  fullHeight?: boolean;
  /** Users holding one of these roles land here rather than on the first workspace they see. */
  homeFor?: readonly Role[];
  /** A live count shown on the menu entry (e.g. 待办). */
  Badge?: ComponentType;
}

/** In navigation order; the first one a user may see is where they land. */
export const WORKSPACES: readonly Workspace[] = [
  {
    path: '/orders',
    testId: 'nav-orders',
    label: (t) => t('nav.orders'),
    icon: <ProfileOutlined />,
    roles: ORDER_OPERATORS,
    Component: OrdersWorkspace,
    fullHeight: true,
  },
  {
    path: '/inbox',
    testId: 'nav-inbox',
    label: (t) => t('inbox.nav'),
    icon: <InboxOutlined />,
    roles: INBOX_ROLES,
    Component: InboxWorkspace,
    Badge: InboxNavBadge,
  },
  {
    path: '/incidents',
    testId: 'nav-incidents',
    label: (t) => t('nav.incidents'),
    icon: <ThunderboltOutlined />,
    roles: INCIDENT_WORKSPACE_ROLES,
    Component: IncidentsWorkspace,
    homeFor: ['coordinator'],
  },
  {
    path: '/intake',
    testId: 'nav-intake',
    label: (t) => t('nav.intake'),
    icon: <FormOutlined />,
    roles: ORDER_INTAKE,
    Component: IntakeWorkspace,
  },
  {
    path: '/supervision',
    testId: 'nav-supervision',
    label: (t) => t('nav.supervision'),
    icon: <AlertOutlined />,
    roles: ['duty_chief', 'station_chief', 'coordinator'],
    Component: SupervisionWorkspace,
    Badge: SupervisionNavBadge,
  },
  {
    path: '/wall',
    testId: 'nav-wall',
    label: (t) => t('nav.wall'),
    icon: <VideoCameraOutlined />,
    roles: CAMERA_VIEWERS,
    Component: WallWorkspace,
    fullHeight: true,
    homeFor: ['video_monitor'],
  },
  {
    path: '/duty',
    testId: 'nav-duty',
    label: (t) => t('nav.duty'),
    icon: <BookOutlined />,
    roles: DUTY_LEDGER_ROLES,
    Component: DutyWorkspace,
  },
  {
    path: '/org',
    testId: 'nav-org',
    label: (t) => t('nav.org'),
    icon: <ClusterOutlined />,
    roles: 'all',
    Component: OrgWorkspace,
  },
  {
    path: '/contacts',
    testId: 'nav-contacts',
    label: (t) => t('nav.contacts'),
    icon: <ContactsOutlined />,
    roles: 'all',
    Component: ContactsWorkspace,
  },
  {
    path: '/admin/sla',
    testId: 'nav-admin-sla',
    label: (t) => t('nav.adminSla'),
    icon: <FieldTimeOutlined />,
    roles: ['admin', 'duty_chief'],
    Component: SlaWorkspace,
  },
  {
    path: '/admin/users',
    testId: 'nav-admin-users',
    label: (t) => t('nav.adminUsers'),
    icon: <TeamOutlined />,
    roles: ['admin'],
    Component: UsersWorkspace,
  },
  {
    path: '/admin/cameras',
    testId: 'nav-admin-cameras',
    label: (t) => t('nav.adminCameras'),
    icon: <CameraOutlined />,
    roles: ['admin'],
    Component: CamerasWorkspace,
  },
  {
    path: '/admin/audit',
    testId: 'nav-admin-audit',
    label: (t) => t('nav.adminAudit'),
    icon: <AuditOutlined />,
    roles: ['admin'],
    Component: AuditWorkspace,
  },
  {
    path: '/admin/apikeys',
    testId: 'nav-admin-apikeys',
    label: (t) => t('nav.adminApiKeys'),
    icon: <KeyOutlined />,
    roles: ['admin'],
    Component: ApiKeysWorkspace,
  },
  {
    path: '/admin/backups',
    testId: 'nav-admin-backups',
    label: (t) => t('nav.adminBackups'),
    icon: <DatabaseOutlined />,
    roles: ['admin'],
    Component: BackupsWorkspace,
  },
  {
    path: '/admin/incident-plans',
    testId: 'nav-admin-incident-plans',
    label: (t) => t('incidentPlans.nav'),
    icon: <FileProtectOutlined />,
    roles: PLAN_EDITORS,
    Component: IncidentPlansWorkspace,
  },
  {
    path: '/account',
    testId: 'nav-account',
    label: (t) => t('nav.account'),
    icon: <UserOutlined />,
    roles: 'all',
    Component: AccountWorkspace,
  },
];

/** Where a user lands after sign-in: a workspace made their home by role, else the first they see. */
export function landingPath(roles: readonly Role[]): string {
  const visible = visibleWorkspaces(roles);
  const home = visible.find((w) => w.homeFor?.some((r) => roles.includes(r)));
  return (home ?? visible[0])?.path ?? '/account';
}

export function visibleWorkspaces(roles: readonly Role[]): Workspace[] {
  return WORKSPACES.filter((w) => w.roles === 'all' || w.roles.some((r) => roles.includes(r)));
}

/** The workspace a path belongs to: its own path or one below it (`/orders/42` → `/orders`). */
export function matchWorkspace(workspaces: readonly Workspace[], path: string): Workspace | undefined {
  return workspaces.find((w) => path === w.path || path.startsWith(`${w.path}/`));
}
