import { ClearOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { showCells, useWallStore } from '../store';
import { AlarmWindowsMenu } from '../takeover/AlarmWindowsMenu';
import { ToursMenu } from '../tours/ToursMenu';
import { stopTour } from '../tours/tourStore';
import { ViewsMenu } from '../views/ViewsMenu';
import { OpenWindowButton, PushButton } from '../window/WindowButtons';
import { KeysHelp } from './KeysHelp';
import { LayoutPicker } from './LayoutPicker';
import { RtcEngineTag } from './RtcEngineTag';

/** Above the console's wall: layouts, saved views, tours, wall windows, clear, full screen (F11), keys. */
export function WallToolbar({
  fullscreen,
  onFullscreen,
  onPush,
}: {
  fullscreen: boolean;
  onFullscreen: () => void;
  onPush: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap size={8}>
      <LayoutPicker />
      <ViewsMenu />
      <ToursMenu />
      <OpenWindowButton />
      <PushButton onClick={onPush} />
      <AlarmWindowsMenu />
      <Tooltip title={t('wall.toolbar.clearAll')}>
        <Button
          size="small"
          icon={<ClearOutlined />}
          aria-label={t('wall.toolbar.clearAll')}
          data-testid="wall-clear-all"
          onClick={() => {
            stopTour();
            showCells(useWallStore.getState().layoutId, []);
          }}
        />
      </Tooltip>
      <Tooltip title={fullscreen ? t('wall.toolbar.exitFullscreen') : t('wallLoss.layout.wallOnly')}>
        <Button
          size="small"
          icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
          aria-label={t('wall.toolbar.fullscreen')}
          data-testid="wall-fullscreen"
          data-active={fullscreen}
          onClick={onFullscreen}
        />
      </Tooltip>
      <KeysHelp />
      <RtcEngineTag />
    </Space>
  );
}
