import { apiError, type ApiError } from '../../../common/contract';
import {
  canChangeWallItem,
  canRescopeWallItem,
  canSeeWallItem,
  type WallActor,
  type WallFieldError,
  type WallScope,
} from '../../../common/domain/wall';
import type { WallItemRow, WallRepo, WallTable } from './wall-repo';

/** The caller of a wall service: who they are, their roles and the name the lists show. */
export interface WallUser extends WallActor {
  displayName: string;
  orgUnitId: string;
}

export type WallKind = 'view' | 'tour';

const KIND: Record<WallKind, { zh: string; en: string; table: WallTable }> = {
  view: { zh: '画面', en: 'view', table: 'wall_views' },
  tour: { zh: '轮巡', en: 'tour', table: 'wall_tours' },
};

export function tableOf(kind: WallKind): WallTable {
  return KIND[kind].table;
}

/** E_INVALID whose message is the first problem (e.g. naming the tile) and whose details list all. */
export function invalid(errors: readonly WallFieldError[]): ApiError {
  const first = errors[0];
  const zh = first ? first.zh : '输入无效';
  const en = first ? first.en : 'Invalid input';
  return apiError('E_INVALID', zh, en, { errors });
}

function notFound(kind: WallKind, id: number): ApiError {
  const k = KIND[kind];
  return apiError('E_NOT_FOUND', `${k.zh} #${id} 不存在`, `No saved ${k.en} #${id}`);
}

/**
 * The item the actor asked for by id. Someone else's personal item answers E_NOT_FOUND, as if it
 * did not exist: its name is nobody else's business.
 */
export function visible<R extends WallItemRow>(kind: WallKind, id: number, row: R | undefined, actor: WallActor): R {
  if (!row || !canSeeWallItem(row, actor)) throw notFound(kind, id);
  return row;
}

/** Refuses a change the actor may not make to `row` (which they can see), giving it scope `next`. */
export function assertMayChange(kind: WallKind, row: WallItemRow, next: WallScope, actor: WallActor): void {
  const k = KIND[kind];
  if (!canChangeWallItem(row, actor)) {
    throw apiError(
      'E_FORBIDDEN',
      `共享${k.zh}“${row.name}”只能由创建人、值班长或管理员修改`,
      `Only its creator, a duty chief or an administrator may change the shared ${k.en} "${row.name}"`,
    );
  }
  if (!canRescopeWallItem(row, next, actor)) {
    throw apiError(
      'E_FORBIDDEN',
      `只有创建人可以把共享${k.zh}“${row.name}”改为个人${k.zh}`,
      `Only its creator may make the shared ${k.en} "${row.name}" personal`,
    );
  }
}

/** Refuses a name already used in the list the item would join (the shared list or the owner's). */
export function assertNameFree(
  repo: WallRepo,
  kind: WallKind,
  item: { id: number | undefined; scope: WallScope; name: string; ownerId: number },
): void {
  const holder = repo.nameHolder(tableOf(kind), item.scope, item.name, item.ownerId);
  if (holder === undefined || holder === item.id) return;
  const k = KIND[kind];
  const where = item.scope === 'shared' ? { zh: '共享', en: 'shared' } : { zh: '您的个人', en: 'personal' };
  const error: WallFieldError = {
    field: 'name',
    code: 'name_taken',
    zh: `已有名为“${item.name}”的${where.zh}${k.zh}`,
    en: `There is already a ${where.en} ${k.en} named "${item.name}"`,
  };
  throw apiError('E_CONFLICT', error.zh, error.en, { errors: [error], id: holder });
}

/** The audit log's words for a scope. */
export function scopeZh(scope: WallScope): string {
  return scope === 'shared' ? '共享' : '个人';
}
