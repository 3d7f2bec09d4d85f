import type { CSSProperties, DragEvent, ReactNode, RefObject } from 'react';
import type { TileState } from '../player/types';
import { select, useWallStore } from '../store';
import { useTileDrop } from './useTileDrop';

/**
 * The frame every tile shares, empty or not: its place in the grid, selection, drop target (a camera
 * from the tree, or another tile to swap with), the number and name bar, and the box the player's
 * <video> goes in. Tests and operators' automation read data-camera-id, data-slot and data-state.
 */
export function TileFrame({
  slot,
  cameraId,
  state,
  style,
  title,
  toolbar,
  videoBox,
  draggable = false,
  onDragStart,
  onDoubleClick,
  children,
}: {
  slot: number;
  cameraId: string | null;
  state: TileState;
  style: CSSProperties;
  title: ReactNode;
  toolbar?: ReactNode;
  videoBox?: RefObject<HTMLDivElement | null>;
  draggable?: boolean;
  onDragStart?: (e: DragEvent) => void;
  onDoubleClick?: () => void;
  children?: ReactNode;
}) {
  const selected = useWallStore((s) => s.selected === slot);
  const maximised = useWallStore((s) => s.maximised === slot);
  const { over, handlers } = useTileDrop(slot);

  const className = [
    'wall-tile',
    `wall-tile-state-${state}`,
    selected && 'wall-tile-selected',
    maximised && 'wall-tile-maximised',
    over && 'wall-tile-over',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={className}
      style={style}
      data-testid="wall-tile"
      data-slot={slot}
      data-camera-id={cameraId ?? ''}
      data-state={state}
      data-selected={selected}
      data-maximised={maximised}
      draggable={draggable}
      onDragStart={onDragStart}
      onClick={() => {
        select(slot);
      }}
      onDoubleClick={onDoubleClick}
      {...handlers}
    >
      <div className="wall-tile-video" ref={videoBox} />
      <div className="wall-tile-bar">
        <span className="wall-tile-number">{slot + 1}</span>
        <span className="wall-tile-title" data-testid="wall-tile-name">
          {title}
        </span>
        <span className={`wall-tile-dot wall-tile-dot-${state}`} />
        {toolbar && <span className="wall-tile-actions">{toolbar}</span>}
      </div>
      {children}
    </div>
  );
}
