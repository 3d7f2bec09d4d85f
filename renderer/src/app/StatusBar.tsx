import { LogoutOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleName } from '../i18n/useDisplay';
import { AlertBadge } from '../orders/alerts/AlertBadge';
import { hasAnyRole, ORDER_OPERATORS } from '../orders/roles';
import { useUser } from '../stores/session';
import { formatDateTime } from '../time/dayjs';
import { useNow } from '../time/useNow';
import { OnDutyStatus } from '../workspaces/duty/roster/OnDutyStatus';
import { InboxStatus } from '../workspaces/inbox/InboxBadges';
import { ClockOffMark } from './clock/ClockOffMark';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { useSignOut } from './useSession';
import { useSystemInfo } from './useSystemInfo';

function Clock() {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <Tooltip title={t('status.clockTitle')}>
      <span className="tabular" data-testid="status-clock">
        {formatDateTime(now)}
      </span>
    </Tooltip>
  );
}

export function StatusBar() {
  const { t } = useTranslation();
  const user = useUser();
  const roleName = useRoleName();
  const info = useSystemInfo();
  const signOut = useSignOut();
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-user" style={{ color: '#e3eaf4' }}>
        {user.displayName}
      </span>
      <span data-testid="status-roles">{user.roles.map(roleName).join(' / ')}</span>
      <span data-testid="status-org">{user.orgUnitName}</span>
      <OnDutyStatus />
      <span className="spacer" />
      {info.data?.demo && (
        <Tooltip title={t('status.demoTitle')}>
          <span className="demo-mark" data-testid="demo-mark">
            {t('login.demo')}
          </span>
        </Tooltip>
      )}
      <InboxStatus />
      {hasAnyRole(user.roles, ORDER_OPERATORS) && <AlertBadge />}
      <ConnectionIndicator />
      <ClockOffMark />
      <Clock />
      <LanguageSwitch />
      <Button
        size="small"
        type="text"
        icon={<LogoutOutlined />}
        data-testid="logout"
        onClick={() => {
          void signOut();
        }}
      >
        {t('session.logout')}
      </Button>
    </footer>
  );
}
