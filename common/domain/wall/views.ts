import { checkName, type CameraLookup, type Checked, type WallFieldError } from './errors';
import { isWallLayoutId, layoutTileCount, type WallLayoutId } from './layouts';

/** A saved view (保存的画面) as a form fills it in: which camera each tile shows. */
export interface WallViewDraft {
  name: string;
  layout: string;
  /** Tile i shows slots[i]; null (or a slot past the end) is an empty tile. */
  slots: readonly (string | null)[];
}

export interface WallViewContent {
  name: string;
  layout: WallLayoutId;
  slots: (string | null)[];
}

/**
 * Checks a view: a name, a known layout, no more slots than the layout has tiles, and every camera
 * in the registry. Camera ids come back spelled as the registry spells them, so a view saved with
 * `cam-0001` finds the tile playing `CAM-0001`. Slots are named 1-based in messages (tiles are
 * numbered from 1 on screen and on the keyboard) and 0-based in `field`.
 */
export function validateView(draft: WallViewDraft, lookup: CameraLookup): Checked<WallViewContent> {
  const errors: WallFieldError[] = [];
  const name = checkName(draft.name, errors);
  const layout = isWallLayoutId(draft.layout) ? draft.layout : null;
  if (!layout) {
    errors.push({
      field: 'layout',
      code: 'layout_unknown',
      zh: `没有“${draft.layout}”这种画面布局`,
      en: `There is no layout "${draft.layout}"`,
    });
  } else if (draft.slots.length > layoutTileCount(layout)) {
    const tiles = layoutTileCount(layout);
    errors.push({
      field: 'slots',
      code: 'too_many_slots',
      zh: `${tiles} 画面布局最多 ${tiles} 格，收到 ${draft.slots.length} 格`,
      en: `Layout ${layout} has ${tiles} tiles; ${draft.slots.length} were given`,
    });
  }
  const slots = draft.slots.map((raw, i) => {
    if (raw === null) return null;
    const id = lookup(raw);
    if (id === undefined) {
      errors.push({
        field: `slots.${i}`,
        code: 'unknown_camera',
        zh: `第 ${i + 1} 格的摄像机 ${raw} 不存在`,
        en: `Tile ${i + 1}: there is no camera ${raw}`,
      });
    }
    return id ?? raw;
  });
  if (errors.length > 0 || !layout) return { ok: false, errors };
  return { ok: true, value: { name, layout, slots } };
}
