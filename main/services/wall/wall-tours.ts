import type { WallTour } from '../../../common/contract';
import {
  canChangeWallItem,
  validateTour,
  type CameraLookup,
  type WallActor,
  type WallLayoutId,
  type WallScope,
  type WallTourMode,
} from '../../../common/domain/wall';
import type { Clock } from '../../clock';
import { assertMayChange, assertNameFree, invalid, visible, type WallUser } from './wall-items';
import type { WallRepo, WallTourRow } from './wall-repo';

export interface WallTourSave {
  id?: number | undefined;
  name: string;
  scope: WallScope;
  mode: WallTourMode;
  layout: WallLayoutId | null;
  cameras: string[];
  dwellSeconds: number;
}

export interface WallTourSaved {
  tour: WallTour;
  before: WallTourRow | undefined;
}

export function tourDto(row: WallTourRow, actor: WallActor): WallTour {
  return { ...row, canEdit: canChangeWallItem(row, actor) };
}

/** Tours (轮巡): the same ownership rules as saved views. */
export class WallTours {
  constructor(
    private readonly repo: WallRepo,
    private readonly clock: Clock,
    private readonly cameras: CameraLookup,
  ) {}

  list(actor: WallActor): WallTour[] {
    return this.repo.tours(actor.id).map((row) => tourDto(row, actor));
  }

  get(id: number, actor: WallActor): WallTour {
    return tourDto(visible('tour', id, this.repo.tour(id), actor), actor);
  }

  save(input: WallTourSave, actor: WallUser): WallTourSaved {
    const before = input.id === undefined ? undefined : visible('tour', input.id, this.repo.tour(input.id), actor);
    if (before) assertMayChange('tour', before, input.scope, actor);
    const checked = validateTour(input, this.cameras);
    if (!checked.ok) throw invalid(checked.errors);
    const content = checked.value;
    const ownerId = before?.ownerId ?? actor.id;
    assertNameFree(this.repo, 'tour', { id: before?.id, scope: input.scope, name: content.name, ownerId });
    const fields = { ...content, scope: input.scope, updatedByName: actor.displayName };
    const now = this.clock();
    let id: number;
    if (before) {
      id = before.id;
      this.repo.updateTour(id, fields, now);
    } else {
      id = this.repo.insertTour(fields, { ownerId: actor.id, ownerName: actor.displayName }, now);
    }
    return { tour: this.get(id, actor), before };
  }

  delete(id: number, actor: WallActor): WallTourRow {
    const row = visible('tour', id, this.repo.tour(id), actor);
    assertMayChange('tour', row, row.scope, actor);
    this.repo.delete('wall_tours', id);
    return row;
  }
}
