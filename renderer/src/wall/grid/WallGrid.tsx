import { useEffect, useMemo, type CSSProperties } from 'react';
import type { Camera } from '../../../../common/contract';
import { cameraSource } from '../cameras/source';
import { useViewRecords, type Shown } from '../cameras/useViewRecords';
import { LAYOUTS, slotPlacement, type Layout } from '../layouts';
import type { StreamKind } from '../player/types';
import { useWallStore } from '../store';
import { CameraTile } from './CameraTile';
import type { TileActions } from './CameraTileToolbar';
import { EmptyTile } from './EmptyTile';
import { usePlayerManager } from './playerHooks';

const MAXIMISED: CSSProperties = { gridColumn: '1 / -1', gridRow: '1 / -1', zIndex: 3 };

/**
 * Small tiles play the sub stream; a tile wider than half the wall (the single tile, the large one
 * of 6 and 8) or the maximised one plays the main stream.
 */
function streamFor(layout: Layout, slot: number, maximised: number | null): StreamKind {
  const geometry = layout.slots[slot];
  return maximised === slot || (geometry !== undefined && geometry.colSpan * 2 > layout.columns) ? 'main' : 'sub';
}

/**
 * The grid of tiles. Tiles are keyed by camera and rendered in a fixed order, each placed in its slot
 * by CSS: a swap, a move or a layout change only restyles them, so the DOM node holding a camera's
 * <video> is never moved or recreated and the stream plays on without re-buffering.
 */
export function WallGrid({
  cameras,
  loaded,
  actions,
  gridRef,
}: {
  cameras: ReadonlyMap<string, Camera>;
  /** The registry has been read (until then a camera not in `cameras` is still loading). */
  loaded: boolean;
  actions: TileActions;
  gridRef?: ((el: HTMLDivElement | null) => void) | undefined;
}) {
  const layoutId = useWallStore((s) => s.layoutId);
  const cells = useWallStore((s) => s.cells);
  const maximised = useWallStore((s) => s.maximised);
  const layout = LAYOUTS[layoutId];
  const manager = usePlayerManager();

  const tiles = useMemo(
    () =>
      cells
        .map((cameraId, slot) => ({ cameraId, slot, key: cameraId === null ? `empty:${slot}` : `cam:${cameraId}` }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    [cells],
  );

  const shown = useMemo<Shown[]>(
    () =>
      cells.flatMap((cameraId, slot) => {
        const camera = cameraId === null ? undefined : cameras.get(cameraId);
        const source = camera ? cameraSource(camera, streamFor(layout, slot, maximised)) : null;
        return source && typeof source !== 'string' ? [{ cameraId: source.cameraId, stream: source.stream }] : [];
      }),
    [cells, cameras, layout, maximised],
  );
  useViewRecords(shown);

  // Runs after the tiles' own effects have taken their players: a player whose camera has left the
  // wall (or can no longer be played there, e.g. disabled) is freed.
  const playing = useMemo(() => JSON.stringify(shown.map((s) => s.cameraId)), [shown]);
  useEffect(() => {
    const keep = new Set(JSON.parse(playing) as string[]);
    for (const key of manager.keys()) if (!keep.has(key)) manager.release(key);
  }, [manager, playing]);

  return (
    <div
      ref={gridRef}
      className="wall-grid"
      data-testid="wall-grid"
      data-layout={layout.id}
      style={{
        gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
      }}
    >
      {tiles.map(({ cameraId, slot, key }) => {
        const geometry = layout.slots[slot];
        if (!geometry) return null;
        const style = maximised === slot ? MAXIMISED : slotPlacement(geometry);
        return cameraId === null ? (
          <EmptyTile key={key} slot={slot} style={style} />
        ) : (
          <CameraTile
            key={key}
            slot={slot}
            cameraId={cameraId}
            camera={cameras.get(cameraId)}
            loaded={loaded}
            stream={streamFor(layout, slot, maximised)}
            style={style}
            actions={actions}
          />
        );
      })}
    </div>
  );
}
