import {
  BarChartOutlined,
  CameraOutlined,
  CloseOutlined,
  CompressOutlined,
  ExpandOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../common/contract';
import type { Player } from '../player/types';
import { clearSlot, toggleMaximise, toggleStats, useWallStore } from '../store';
import { TileAction } from './TileAction';

export interface TileActions {
  /** Snapshot → work order; absent for roles that take no problems in. */
  onSnapshot?: ((player: Player, camera: Camera) => void) | undefined;
  /** Push this camera to a wall window; absent in a wall window itself. */
  onPush?: ((cameraId: string) => void) | undefined;
}

/** A camera tile's buttons: stats, snapshot, push, maximise/restore, clear. */
export function CameraTileToolbar({
  slot,
  cameraId,
  camera,
  player,
  actions,
}: {
  slot: number;
  cameraId: string;
  camera: Camera | undefined;
  player: Player | null;
  actions: TileActions;
}) {
  const { t } = useTranslation();
  const maximised = useWallStore((s) => s.maximised === slot);
  return (
    <>
      <TileAction
        title={t('wall.tile.stats')}
        icon={<BarChartOutlined />}
        testId="wall-tile-stats-toggle"
        onClick={() => {
          toggleStats(cameraId);
        }}
      />
      {actions.onSnapshot && player && camera && (
        <TileAction
          title={t('wall.tile.snapshot')}
          icon={<CameraOutlined />}
          testId="wall-tile-snapshot"
          onClick={() => {
            actions.onSnapshot?.(player, camera);
          }}
        />
      )}
      {actions.onPush && (
        <TileAction
          title={t('wall.tile.push')}
          icon={<SendOutlined />}
          testId="wall-tile-push"
          onClick={() => {
            actions.onPush?.(cameraId);
          }}
        />
      )}
      <TileAction
        title={maximised ? t('wall.tile.restore') : t('wall.tile.maximise')}
        icon={maximised ? <CompressOutlined /> : <ExpandOutlined />}
        testId="wall-tile-maximise"
        onClick={() => {
          toggleMaximise(slot);
        }}
      />
      <TileAction
        title={t('wall.tile.clear')}
        icon={<CloseOutlined />}
        testId="wall-tile-clear"
        onClick={() => {
          clearSlot(slot);
        }}
      />
    </>
  );
}
