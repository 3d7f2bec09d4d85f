import type { WallView } from '../../../common/contract';
import {
  canChangeWallItem,
  validateView,
  type CameraLookup,
  type WallActor,
  type WallLayoutId,
  type WallScope,
} from '../../../common/domain/wall';
import type { Clock } from '../../clock';
import { assertMayChange, assertNameFree, invalid, visible, type WallUser } from './wall-items';
import type { WallRepo, WallViewRow } from './wall-repo';

export interface WallViewSave {
  /** Absent: a new view. */
  id?: number | undefined;
  name: string;
  scope: WallScope;
  layout: WallLayoutId;
  slots: (string | null)[];
}

/** A save's result, and what the handler needs to word the audit row and address the event. */
export interface WallViewSaved {
  view: WallView;
  /** The view as it was; undefined when it was created. */
  before: WallViewRow | undefined;
}

export function viewDto(row: WallViewRow, actor: WallActor): WallView {
  return { ...row, canEdit: canChangeWallItem(row, actor) };
}

/**
 * Saved views (保存的画面). Writes are plain calls: the handler runs them inside the
 * call's transaction together with its audit row, so a refused save leaves nothing behind.
 */
export class WallViews {
  constructor(
    private readonly repo: WallRepo,
    private readonly clock: Clock,
    private readonly cameras: CameraLookup,
  ) {}

  /** The actor's personal views and every shared one. */
  list(actor: WallActor): WallView[] {
    return this.repo.views(actor.id).map((row) => viewDto(row, actor));
  }

  get(id: number, actor: WallActor): WallView {
    return viewDto(visible('view', id, this.repo.view(id), actor), actor);
  }

  save(input: WallViewSave, actor: WallUser): WallViewSaved {
    const before = input.id === undefined ? undefined : visible('view', input.id, this.repo.view(input.id), actor);
    if (before) assertMayChange('view', before, input.scope, actor);
    const checked = validateView(input, this.cameras);
    if (!checked.ok) throw invalid(checked.errors);
    const { name, layout, slots } = checked.value;
    const ownerId = before?.ownerId ?? actor.id;
    assertNameFree(this.repo, 'view', { id: before?.id, scope: input.scope, name, ownerId });
    const fields = { name, scope: input.scope, layout, slots, updatedByName: actor.displayName };
    const now = this.clock();
    let id: number;
    if (before) {
      id = before.id;
      this.repo.updateView(id, fields, now);
    } else {
      id = this.repo.insertView(fields, { ownerId: actor.id, ownerName: actor.displayName }, now);
    }
    return { view: this.get(id, actor), before };
  }

  /** Deletes the view and answers it as it was (for the audit row and the event). */
  delete(id: number, actor: WallActor): WallViewRow {
    const row = visible('view', id, this.repo.view(id), actor);
    assertMayChange('view', row, row.scope, actor);
    this.repo.delete('wall_views', id);
    return row;
  }
}
