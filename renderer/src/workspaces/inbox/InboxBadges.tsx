import { InboxOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../stores/route';
import { useHasInbox, useInbox } from '../../orders/inbox/useInbox';

/** The menu entry's count: everything in the caller's 待办. */
export function InboxNavBadge() {
  const count = useInbox().data?.counts.total ?? 0;
  return <Badge count={count} size="small" offset={[8, 0]} data-testid="nav-inbox-count" data-count={count} />;
}

/** The 督办 menu entry's count: supervisions waiting for the caller's reply. */
export function SupervisionNavBadge() {
  const count = useInbox().data?.counts.supervision ?? 0;
  return <Badge count={count} size="small" offset={[8, 0]} data-testid="nav-supervision-count" data-count={count} />;
}

/** The status bar's 待办 count; opens the inbox. */
export function InboxStatus() {
  const { t } = useTranslation();
  const has = useHasInbox();
  const count = useInbox().data?.counts.total ?? 0;
  if (!has) return null;
  return (
    <Tooltip title={t('inbox.statusTitle')}>
      <Button
        size="small"
        type="text"
        data-testid="status-inbox"
        data-count={count}
        onClick={() => {
          navigate('/inbox');
        }}
      >
        <InboxOutlined />
        {t('inbox.nav')}
        <Badge count={count} size="small" showZero color={count > 0 ? '#e0b03c' : '#4a5568'} />
      </Button>
    </Tooltip>
  );
}
