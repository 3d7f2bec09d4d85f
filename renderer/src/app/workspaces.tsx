import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
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
import { DASHBOARD_ROLES } from '../../../common/contract/dashboard';
import { OVERVIEW_ROLES } from '../../../common/contract/overview';
import { INBOX_ROLES } from '../../../common/contract/inbox';
import { INCIDENT_WORKSPACE_ROLES } from '../incidents/workspace/roles';
import { PLAN_EDITORS } from '../incidents/plans/roles';
import { DUTY_LEDGER_ROLES } from '../workspaces/duty/roles';
import { InboxNavBadge, SupervisionNavBadge } from '../workspaces/inbox/InboxBadges';
import { lazyWorkspace } from './lazyWorkspace';

/*
 * Each workspace is its own chunk, loaded when first opened (Frame shows a neutral spinner
 * meanwhile): the sign-in page and the first workspace parse a fraction of the bundle, and the
 * wall's players (hls.js, mediasoup-client) load only with the wall.
 */
const OrdersWorkspace = lazyWorkspace(() => import('../orders/workspace/OrdersWorkspace'), 'OrdersWorkspace');
const InboxWorkspace = lazyWorkspace(() => import('../workspaces/inbox/InboxWorkspace'), 'InboxWorkspace');
const IncidentsWorkspace = lazyWorkspace(
  () => import('../incidents/workspace/IncidentsWorkspace'),
  'IncidentsWorkspace',
);
const IntakeWorkspace = lazyWorkspace(() => import('../workspaces/intake/IntakeWorkspace'), 'IntakeWorkspace');
const SupervisionWorkspace = lazyWorkspace(
  () => import('../workspaces/supervision/SupervisionWorkspace'),
  'SupervisionWorkspace',
);
const OverviewWorkspace = lazyWorkspace(() => import('../workspaces/overview/OverviewWorkspace'), 'OverviewWorkspace');
const DashboardWorkspace = lazyWorkspace(
  () => import('../workspaces/dashboard/DashboardWorkspace'),
  'DashboardWorkspace',
);
const WallWorkspace = lazyWorkspace(() => import('../wall/WallWorkspace'), 'WallWorkspace');
const DutyWorkspace = lazyWorkspace(() => import('../workspaces/duty/DutyWorkspace'), 'DutyWorkspace');
const OrgWorkspace = lazyWorkspace(() => import('../workspaces/org/OrgWorkspace'), 'OrgWorkspace');
const ContactsWorkspace = lazyWorkspace(() => import('../workspaces/contacts/ContactsWorkspace'), 'ContactsWorkspace');
const SlaWorkspace = lazyWorkspace(() => import('../workspaces/admin/sla/SlaWorkspace'), 'SlaWorkspace');
const UsersWorkspace = lazyWorkspace(() => import('../workspaces/admin/users/UsersWorkspace'), 'UsersWorkspace');
const CamerasWorkspace = lazyWorkspace(
  () => import('../workspaces/admin/cameras/CamerasWorkspace'),
  'CamerasWorkspace',
);
const BackupsWorkspace = lazyWorkspace(
  () => import('../workspaces/admin/backups/BackupsWorkspace'),
  'BackupsWorkspace',
);
const AuditWorkspace = lazyWorkspace(() => import('../workspaces/admin/audit/AuditWorkspace'), 'AuditWorkspace');
const ApiKeysWorkspace = lazyWorkspace(
  () => import('../workspaces/admin/apikeys/ApiKeysWorkspace'),
  'ApiKeysWorkspace',
);
const IncidentPlansWorkspace = lazyWorkspace(
  () => import('../incidents/plans/IncidentPlansWorkspace'),
  'IncidentPlansWorkspace',
);
const AccountWorkspace = lazyWorkspace(() => import('../workspaces/account/AccountWorkspace'), 'AccountWorkspace');

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
    path: '/overview',
    testId: 'nav-overview',
    label: (t) => t('overview.nav'),
    icon: <DashboardOutlined />,
    roles: OVERVIEW_ROLES,
    Component: OverviewWorkspace,
    // The room's landing: the chief and the coordinator open the console on the situation.
    homeFor: ['duty_chief', 'coordinator'],
  },
  {
    path: '/orders',
    testId: 'nav-orders',
    label: (t) => t('nav.orders'),
    icon: <ProfileOutlined />,
    roles: ORDER_OPERATORS,
    Component: OrdersWorkspace,
    fullHeight: true,
    // A station chief works the station's list first (the overview is a menu entry away).
    homeFor: ['station_chief'],
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
    path: '/dashboard',
    testId: 'nav-dashboard',
    label: (t) => t('dashboard.nav'),
    icon: <BarChartOutlined />,
    roles: DASHBOARD_ROLES,
    Component: DashboardWorkspace,
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

/**
 * Where a user lands after sign-in: a workspace made their home by role, else the first they see.
 * While a real incident runs (`incidentActive`), the coordinator lands in incident mode instead.
 */
export function landingPath(roles: readonly Role[], incidentActive = false): string {
  const visible = visibleWorkspaces(roles);
  const incidents = visible.find((w) => w.path === '/incidents');
  if (incidentActive && roles.includes('coordinator') && incidents) return incidents.path;
  const home = visible.find((w) => w.homeFor?.some((r) => roles.includes(r)));
  return (home ?? visible[0])?.path ?? '/account';
}

export function visibleWorkspaces(roles: readonly Role[]): Workspace[] {
  return WORKSPACES.filter((w) => w.roles === 'all' || w.roles.some((r) => roles.includes(r)));
}

/**
 * The workspace a path belongs to: its own path or one below it (`/orders/42` → `/orders`); a query
 * (`/orders?filter=…`, orders/workspace/filterLink.ts) is the workspace's to read.
 */
export function matchWorkspace(workspaces: readonly Workspace[], path: string): Workspace | undefined {
  const bare = path.split('?', 1)[0] ?? path;
  return workspaces.find((w) => bare === w.path || bare.startsWith(`${w.path}/`));
}
