import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUTY_LOG_WRITERS } from '../../../../common/contract/duty-log';
import { HANDOVER_CHIEFS } from '../../../../common/contract/duty-handover';
import type { Role } from '../../../../common/domain/roles';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { hasAnyRole } from '../../orders/roles';
import { useUser } from '../../stores/session';
import { HandoverTab } from './handover/HandoverTab';
import { LedgerBadge } from './LedgerBadge';
import { DutyLogTab } from './log/DutyLogTab';
import { RosterTab } from './roster/RosterTab';
import { LogSearchTab } from './search/LogSearchTab';
import { useDutyEvents } from './useDutyEvents';

const VERIFIERS: readonly Role[] = ['duty_chief', 'admin'];

/** 值班台账: the duty log, the handover, the roster and the log search of the caller's unit. */
export function DutyWorkspace() {
  const { t } = useTranslation();
  const user = useUser();
  useDutyEvents();
  const tabs = [
    hasAnyRole(user.roles, DUTY_LOG_WRITERS) && { key: 'log', label: t('duty.tabs.log'), children: <DutyLogTab /> },
    hasAnyRole(user.roles, HANDOVER_CHIEFS) && {
      key: 'handover',
      label: t('duty.tabs.handover'),
      children: <HandoverTab />,
    },
    { key: 'roster', label: t('duty.tabs.roster'), children: <RosterTab /> },
    { key: 'search', label: t('duty.tabs.search'), children: <LogSearchTab /> },
  ].filter((tab) => tab !== false);
  return (
    <>
      <WorkspaceTitle extra={hasAnyRole(user.roles, VERIFIERS) ? <LedgerBadge /> : undefined}>
        {t('duty.title')}
      </WorkspaceTitle>
      <Tabs
        destroyOnHidden
        items={tabs.map((tab) => ({ ...tab, label: <span data-testid={`duty-tab-${tab.key}`}>{tab.label}</span> }))}
      />
    </>
  );
}
