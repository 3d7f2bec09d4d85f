import { useEffect, useRef, type CSSProperties } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../common/contract';
import { cameraSource, type Unplayable } from '../cameras/source';
import { startSlotDrag } from '../dnd';
import type { StreamKind, TileHealth } from '../player/types';
import { toggleMaximise, useWallStore } from '../store';
import { CameraTileToolbar, type TileActions } from './CameraTileToolbar';
import { useTileHealth } from './playerHooks';
import { StatsOverlay } from './StatsOverlay';
import { TileFrame } from './TileFrame';
import { TileStatus } from './TileStatus';
import { useTileLossReport } from './useTileLossReport';
import { useTilePlayer } from './useTilePlayer';

const CONNECTING_HEALTH: TileHealth = { state: 'connecting', reason: null, since: 0, retryAt: null, attempts: 0 };
const UNPLAYABLE_HEALTH: TileHealth = { ...CONNECTING_HEALTH, state: 'error' };

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

  useTileLossReport(cameraId, camera, stream, health.state);
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
      toolbar={<CameraTileToolbar slot={slot} cameraId={cameraId} camera={camera} player={player} actions={actions} />}
    >
      <TileStatus health={health} reason={unplayableReason} />
      {statsOn && player && <StatsOverlay player={player} />}
    </TileFrame>
  );
}
