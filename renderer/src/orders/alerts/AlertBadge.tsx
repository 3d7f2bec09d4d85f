import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInbox } from '../inbox/useInbox';
import { AlertDrawer } from './AlertDrawer';
import { setAlertDrawerOpen, useAlertToast } from './toast';
import { useAlerts } from './useAlerts';

/** The status bar's one compact toast: the newest urgent thing, inside the bar, over nothing. */
function StatusToast() {
  const toast = useAlertToast((s) => s.toast);
  if (!toast) return null;
  return (
    <Typography.Link
      ellipsis
      data-testid="alert-toast"
      data-code={toast.code}
      style={{ maxWidth: 360, color: toast.severe ? '#ff8a8d' : '#f0c75e' }}
      onClick={() => {
        setAlertDrawerOpen(true);
      }}
    >
      {toast.label} · {toast.code && <span className="tabular">{toast.code} </span>}
      {toast.title}
    </Typography.Link>
  );
}

/** The status bar's count of alerts and 待办; click for the drawer that holds them. */
export function AlertBadge() {
  const { t } = useTranslation();
  const { alerts } = useAlerts();
  const inbox = useInbox().data;
  const tasks = inbox?.counts.total ?? 0;
  const count = alerts.length + tasks;
  // A report to send is as pressing as a red deadline.
  const worstRed = alerts.some((a) => a.kind !== 'yellow') || (inbox?.counts.report ?? 0) > 0;
  return (
    <>
      <StatusToast />
      <Button
        size="small"
        type="text"
        data-testid="alert-count"
        data-count={count}
        data-alerts={alerts.length}
        aria-label={t('inbox.drawer.open')}
        onClick={() => {
          setAlertDrawerOpen(true);
        }}
      >
        <Badge count={count} size="small" color={worstRed ? '#e5484d' : '#e0b03c'} offset={[6, -2]}>
          <BellOutlined style={{ color: count > 0 ? '#e8f1fb' : undefined }} />
        </Badge>
      </Button>
      <AlertDrawer />
    </>
  );
}
