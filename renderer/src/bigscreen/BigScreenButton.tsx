import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { canSeeBigScreen } from '../../../common/contract/bigscreen';
import { useApiQuery } from '../api';
import { useUser } from '../stores/session';
import { openWallWindow } from '../wall/window/windowRoute';
import { withBigScreen } from './route';

/**
 * "大屏 Big screen" (overview and dashboard): opens a new wall window showing the big screen — in
 * the desktop app full screen on the next extra display, in a browser a window of its own. Being a
 * wall window, it can later be pushed cameras, views or tours, and the big screen again. Shown only
 * to those who may see it (BIGSCREEN_ROLES); the hub checks the same on every call it makes.
 */
export function BigScreenButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const allowed = canSeeBigScreen(user.roles);
  const windows = useApiQuery('wall.windows.list', {}, { enabled: allowed });
  if (!allowed) return null;
  return (
    <Tooltip title={t('bigscreen.openHint')}>
      <Button
        icon={<FundProjectionScreenOutlined />}
        data-testid="bigscreen-open"
        onClick={() => {
          const mine = (windows.data?.rows ?? []).filter((w) => w.userId === user.id);
          if (!openWallWindow(mine.length + 1, withBigScreen(''))) void message.warning(t('bigscreen.blocked'));
        }}
      >
        {t('bigscreen.open')}
      </Button>
    </Tooltip>
  );
}
