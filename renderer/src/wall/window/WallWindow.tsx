import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePath } from '../../stores/route';
import { useCameraMap } from '../cameras/useCameraMap';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import type { TileActions } from '../grid/CameraTile';
import { useFullscreen } from '../grid/useFullscreen';
import { useWallKeys } from '../grid/useWallKeys';
import { WallGrid } from '../grid/WallGrid';
import { TourBar } from '../tours/TourBar';
import { useTourRunner } from '../tours/useTourRunner';
import { useWallPushes } from './useWallPushes';
import { useWallWindowRegistration } from './useWallWindowRegistration';
import { wallWindowNumber } from './windowRoute';

const NO_ACTIONS: TileActions = {};

/**
 * A wall window (issue 5 item 7): only the grid, over the whole browser window (the console's frame
 * stays underneath, covered), registered with the hub so consoles can push cameras, views and tours
 * to it. Its name, the running tour and a full-screen button show in a corner on hover.
 */
export function WallWindow() {
  const { t } = useTranslation();
  const path = usePath();
  const name = t('wall.window.name', { n: wallWindowNumber(path) });
  const { cameras, loaded } = useCameraMap();
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const [fullscreen, toggleFullscreen] = useFullscreen(root);
  const registration = useWallWindowRegistration(name);
  const errorText = useAnyErrorText();
  useWallPushes(registration.window?.windowId ?? null);
  useWallKeys();
  useTourRunner();

  return (
    <div
      ref={setRoot}
      className="wall-window"
      data-testid="wall-window"
      data-window-id={registration.window?.windowId ?? ''}
      data-window-name={name}
    >
      <WallGrid cameras={cameras} loaded={loaded} actions={NO_ACTIONS} />
      <div className="wall-window-corner">
        <span data-testid="wall-window-name">
          {registration.error !== null
            ? t('wall.window.registerFailed', { message: errorText(registration.error) })
            : name}
        </span>
        <TourBar />
        <Tooltip title={fullscreen ? t('wall.toolbar.exitFullscreen') : t('wall.toolbar.fullscreen')}>
          <Button
            size="small"
            icon={fullscreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            aria-label={t('wall.toolbar.fullscreen')}
            onClick={toggleFullscreen}
          />
        </Tooltip>
      </div>
    </div>
  );
}
