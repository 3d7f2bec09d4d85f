import { apiError } from '../../../common/contract';
import type { ChecklistItem } from '../../../common/contract/duty-handover';
import type { ShiftOrgKind } from '../../../common/domain/duty';
import type { Clock } from '../../clock';
import type { DutyStore } from './duty-store';

/**
 * The handover checklist (交接检查项) a chief ticks before handing over. Each org unit may edit its
 * own; until then it uses the default of its kind — what the center's and the stations' duty rules
 * ask a chief to check at every shift change.
 */
export const DEFAULT_CHECKLISTS: Record<ShiftOrgKind, readonly ChecklistItem[]> = {
  center: [
    { id: 'video', label: '视频监控平台及大屏运行正常' },
    { id: 'seats', label: '各值班席位设备、电话、网络正常' },
    { id: 'urgent', label: '未办结的紧急、特急工单已逐件交代' },
    { id: 'instructions', label: '上级指令及交办事项已传达' },
    { id: 'log', label: '本班值班日志已完整记录' },
  ],
  station: [
    { id: 'patrol', label: '联勤巡查任务已完成或已交代' },
    { id: 'orders', label: '本站未办结工单已逐件交代' },
    { id: 'equipment', label: '执法记录仪、对讲机、车辆已归位充电' },
    { id: 'log', label: '本班值班日志已完整记录' },
  ],
};

/**
 * A checklist as saved: ids and labels trimmed. E_INVALID for an empty id or label, or for
 * duplicate ids or labels.
 */
export function cleanChecklist(items: readonly ChecklistItem[]): ChecklistItem[] {
  const clean = items.map((i) => ({ id: i.id.trim(), label: i.label.trim() }));
  for (const key of ['id', 'label'] as const) {
    const seen = new Set<string>();
    for (const item of clean) {
      if (seen.has(item[key])) {
        throw apiError('E_INVALID', `检查项重复：${item[key]}`, `Duplicate checklist item: ${item[key]}`, {
          field: `items.${key}`,
        });
      }
      seen.add(item[key]);
    }
  }
  if (clean.some((i) => i.id === '' || i.label === '')) {
    throw apiError('E_INVALID', '检查项不能为空', 'A checklist item is empty', { field: 'items' });
  }
  return clean;
}

/** Each unit's handover checklist: its own once edited (ChecklistRepo), else its kind's default. */
export class Checklists {
  private readonly repo: DutyStore['checklists'];

  constructor(
    store: Pick<DutyStore, 'checklists'>,
    private readonly clock: Clock,
  ) {
    this.repo = store.checklists;
  }

  items(orgUnitId: string, kind: ShiftOrgKind): ChecklistItem[] {
    return this.repo.items(orgUnitId) ?? [...DEFAULT_CHECKLISTS[kind]];
  }

  /** Replaces the unit's checklist (cleanChecklist's rule). */
  set(orgUnitId: string, items: readonly ChecklistItem[]): ChecklistItem[] {
    const clean = cleanChecklist(items);
    this.repo.save(orgUnitId, clean, this.clock());
    return clean;
  }
}
