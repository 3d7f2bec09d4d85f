import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { TileFrame } from './TileFrame';

/** A slot without a camera: a drop target saying so. */
export function EmptyTile({ slot, style }: { slot: number; style: CSSProperties }) {
  const { t } = useTranslation();
  return (
    <TileFrame slot={slot} cameraId={null} state="idle" style={style} title="">
      <div className="wall-tile-empty">{t('wall.tile.empty')}</div>
    </TileFrame>
  );
}
