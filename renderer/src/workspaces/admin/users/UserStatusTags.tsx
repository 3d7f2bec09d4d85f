import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../../../common/contract';
import { formatDateTime } from '../../../time/dayjs';

/** `now` comes from the caller's ticker so a lock that runs out while on screen disappears. */
export function UserStatusTags({ user, now }: { user: UserRecord; now: number }) {
  const { t } = useTranslation();
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  const tags = [];
  if (user.disabled)
    tags.push(
      <Tag key="disabled" color="red" data-status="disabled">
        {t('users.status.disabled')}
      </Tag>,
    );
  if (locked && user.lockedUntil !== null) {
    tags.push(
      <Tag key="locked" color="orange" data-status="locked">
        {t('users.status.locked', { until: formatDateTime(user.lockedUntil) })}
      </Tag>,
    );
  }
  if (user.mustChangePassword) {
    tags.push(
      <Tag key="must-change" color="blue" data-status="must-change">
        {t('users.status.mustChange')}
      </Tag>,
    );
  }
  if (tags.length === 0)
    tags.push(
      <Tag key="enabled" color="green" data-status="enabled">
        {t('users.status.enabled')}
      </Tag>,
    );
  return (
    <Space size={[4, 4]} wrap data-testid="user-status">
      {tags}
    </Space>
  );
}
