import { DesktopOutlined, FullscreenExitOutlined, FullscreenOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useUser } from '../../stores/session';
import { openWallWindow } from './windowRoute';

/** "打开墙窗口": a new wall window, numbered after this user's windows already open. */
export function OpenWindowButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const windows = useApiQuery('wall.windows.list', {});
  return (
    <Button
      size="small"
      icon={<DesktopOutlined />}
      data-testid="wall-open-window"
      onClick={() => {
        const mine = (windows.data?.rows ?? []).filter((w) => w.userId === user.id);
        if (!openWallWindow(mine.length + 1)) void message.warning(t('wall.window.blocked'));
      }}
    >
      {t('wall.window.open')}
    </Button>
  );
}

export function PushButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<SendOutlined />} data-testid="wall-push" onClick={onClick}>
      {t('wall.push.action')}
    </Button>
  );
}

/** A wall window's full-screen switch (in its corner, shown on hover). */
export function WindowFullscreenButton({ fullscreen, onToggle }: { fullscreen: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={fullscreen ? t('wall.toolbar.exitFullscreen') : t('wall.toolbar.fullscreen')}>
      <Button
        size="small"
        icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
        aria-label={t('wall.toolbar.fullscreen')}
        onClick={onToggle}
      />
    </Tooltip>
  );
}
