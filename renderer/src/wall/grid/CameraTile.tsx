import {
  BarChartOutlined,
  CameraOutlined,
  CloseOutlined,
  CompressOutlined,
  ExpandOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../common/contract';
import { cameraSource, type Unplayable } from '../cameras/source';
import { startSlotDrag } from '../dnd';
import type { Player, StreamKind, TileHealth } from '../player/types';
import { forgetTile, reportTileHealth } from '../loss/lossStore';
import { clearSlot, toggleMaximise, toggleStats, useWallStore } from '../store';
import { useTileHealth } from './playerHooks';
import { StatsOverlay } from './StatsOverlay';
import { TileFrame } from './TileFrame';
import { TileStatus } from './TileStatus';
import { useTilePlayer } from './useTilePlayer';

export interface TileActions {
  /** Snapshot → work order; absent for roles that take no problems in. */
  onSnapshot?: ((player: Player, camera: Camera) => void) | undefined;
  /** Push this camera to a wall window; absent in a wall window itself. */
  onPush?: ((cameraId: string) => void) | undefined;
}

const CONNECTING_HEALTH: TileHealth = { state: 'connecting', reason: null, since: 0, retryAt: null, attempts: 0 };
const UNPLAYABLE_HEALTH: TileHealth = { ...CONNECTING_HEALTH, state: 'error' };

function Action({
  title,
  icon,
  onClick,
  testId,
}: {
  title: string;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Tooltip title={title}>
      <Button
        size="small"
        type="text"
        icon={icon}
        aria-label={title}
        data-testid={testId}
        onClick={(e) => {
          e.stopPropagation();
          onClick();
        }}
        onDoubleClick={(e) => {
          e.stopPropagation();
        }}
      />
    </Tooltip>
  );
}

/** Why a tile cannot play its camera, or undefined while the registry is still loading. */
function unplayableText(
  why: Unplayable | 'missing' | 'loading',
  cameraId: string,
  camera: Camera | undefined,
  t: TFunction,
): string | undefined {
  switch (why) {
    case 'loading':
      return undefined;
    case 'missing':
      return t('wall.unplayable.missing', { id: cameraId });
    case 'disabled':
      return t('wall.unplayable.disabled');
    case 'protocol':
      return t('wall.unplayable.protocol', { protocol: camera?.protocol.toUpperCase() ?? '' });
  }
}

/** A tile showing one camera: its player's <video>, name, health, and the tile's actions. */
export function CameraTile({
  slot,
  cameraId,
  camera,
  loaded,
  stream,
  style,
  actions,
}: {
  slot: number;
  cameraId: string;
  camera: Camera | undefined;
  /** The registry has been read: a camera missing from it is gone, not still loading. */
  loaded: boolean;
  stream: StreamKind;
  style: CSSProperties;
  actions: TileActions;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const maximised = useWallStore((s) => s.maximised === slot);
  const statsOn = useWallStore((s) => s.stats[cameraId] === true);
  const resolved = camera ? cameraSource(camera, stream) : loaded ? 'missing' : 'loading';
  const source = typeof resolved === 'string' ? null : resolved;
  const player = useTilePlayer(cameraId, source, box);
  const live = useTileHealth(player);
  // Covered by another tile's maximised view: its WebRTC consumer pauses until restored.
  const covered = useWallStore((s) => s.maximised !== null && s.maximised !== slot);
  useEffect(() => {
    player?.setHidden?.(covered);
  }, [player, covered]);

  const unplayableReason = typeof resolved === 'string' ? unplayableText(resolved, cameraId, camera, t) : undefined;

  // One element tree whatever the state, so the box holding the <video> is never recreated.
  const health = !source ? (unplayableReason ? UNPLAYABLE_HEALTH : CONNECTING_HEALTH) : (live ?? CONNECTING_HEALTH);

  // The video-loss alarm watches what this tile's health machine says.
  const name = camera?.name ?? cameraId;
  const groupId = camera?.gridId ?? null;
  const groupName = camera?.gridName ?? null;
  const lossCamera = useMemo(
    () => ({ cameraId, name, groupId, groupName, stream }),
    [cameraId, name, groupId, groupName, stream],
  );
  useEffect(() => {
    reportTileHealth(lossCamera, health.state);
  }, [lossCamera, health.state]);
  useEffect(
    () => () => {
      forgetTile(cameraId);
    },
    [cameraId],
  );
  return (
    <TileFrame
      slot={slot}
      cameraId={cameraId}
      state={health.state}
      style={style}
      draggable
      onDragStart={(e) => {
        startSlotDrag(e, slot);
      }}
      onDoubleClick={() => {
        toggleMaximise(slot);
      }}
      title={camera?.name ?? cameraId}
      videoBox={box}
      toolbar={
        <>
          <Action
            title={t('wall.tile.stats')}
            icon={<BarChartOutlined />}
            testId="wall-tile-stats-toggle"
            onClick={() => {
              toggleStats(cameraId);
            }}
          />
          {actions.onSnapshot && player && camera && (
            <Action
              title={t('wall.tile.snapshot')}
              icon={<CameraOutlined />}
              testId="wall-tile-snapshot"
              onClick={() => {
                actions.onSnapshot?.(player, camera);
              }}
            />
          )}
          {actions.onPush && (
            <Action
              title={t('wall.tile.push')}
              icon={<SendOutlined />}
              testId="wall-tile-push"
              onClick={() => {
                actions.onPush?.(cameraId);
              }}
            />
          )}
          <Action
            title={maximised ? t('wall.tile.restore') : t('wall.tile.maximise')}
            icon={maximised ? <CompressOutlined /> : <ExpandOutlined />}
            testId="wall-tile-maximise"
            onClick={() => {
              toggleMaximise(slot);
            }}
          />
          <Action
            title={t('wall.tile.clear')}
            icon={<CloseOutlined />}
            testId="wall-tile-clear"
            onClick={() => {
              clearSlot(slot);
            }}
          />
        </>
      }
    >
      <TileStatus health={health} reason={unplayableReason} />
      {statsOn && player && <StatsOverlay player={player} />}
    </TileFrame>
  );
}
