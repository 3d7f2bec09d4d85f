import { AuditOutlined, ClusterOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../../../common/domain/roles';
import { AccountWorkspace } from '../workspaces/account/AccountWorkspace';
import { AuditWorkspace } from '../workspaces/admin/audit/AuditWorkspace';
import { UsersWorkspace } from '../workspaces/admin/users/UsersWorkspace';
import { OrgWorkspace } from '../workspaces/org/OrgWorkspace';

export interface Workspace {
  path: string;
  testId: string;
  label: (t: TFunction) => string;
  icon: ReactNode;
  /** Who sees it; the hub enforces the same on every call, this only keeps the UI coherent. */
  roles: 'all' | readonly Role[];
  Component: ComponentType;
}

/** In navigation order; the first one a user may see is where they land. */
export const WORKSPACES: readonly Workspace[] = [
  {
    path: '/org',
    testId: 'nav-org',
    label: (t) => t('nav.org'),
    icon: <ClusterOutlined />,
    roles: 'all',
    Component: OrgWorkspace,
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
    path: '/admin/audit',
    testId: 'nav-admin-audit',
    label: (t) => t('nav.adminAudit'),
    icon: <AuditOutlined />,
    roles: ['admin'],
    Component: AuditWorkspace,
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

export function visibleWorkspaces(roles: readonly Role[]): Workspace[] {
  return WORKSPACES.filter((w) => w.roles === 'all' || w.roles.some((r) => roles.includes(r)));
}
