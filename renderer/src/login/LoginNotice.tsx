import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSessionStore, type SignedOutNotice } from '../stores/session';

function NoticeText({ notice }: { notice: SignedOutNotice }) {
  const { t } = useTranslation();
  return <>{notice.kind === 'ended' ? t(`session.ended.${notice.reason}`) : t('session.lost')}</>;
}

/** Why the last session ended (signed out elsewhere, expired, connection lost); hidden while signing in again. */
export function LoginNotice({ hidden }: { hidden: boolean }) {
  const notice = useSessionStore((s) => s.notice);
  if (!notice || hidden) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="login-notice"
      style={{ marginBottom: 16 }}
      title={<NoticeText notice={notice} />}
    />
  );
}
