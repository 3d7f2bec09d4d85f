// The inputs the scoping matrix's rows and world send (tests/unit/scoping-matrix-*.test.ts).
import type { MethodInput } from '../../../common/contract';

export type Input = Record<string, unknown>;

export const week = { date: '2026-11-26', shiftCode: 'early' };

export function contactInput(id: number, parentId: number, userId: number): Input {
  return { id, kind: 'person', name: '二站联系人', parentId, userId, phone: '021-5811 0000' };
}

export function orderInput(
  title: string,
  urgency: MethodInput<'orders.create'>['urgency'] = 'normal',
): MethodInput<'orders.create'> {
  return { title, description: '', categoryId: '0200201', workstationId: 'HQ-W-HQ01', source: 'hotline', urgency };
}

export function incidentInput(drill: boolean): MethodInput<'incidents.activate'> {
  return {
    type: 'flood',
    level: 'IV',
    drill,
    areaIds: ['HQ-W-CL01'],
    commanderName: '指挥',
    situation: '二站应急事件机密',
  };
}

export function planLevels(presetViewId: number | null): Input {
  const level = {
    checklist: [{ key: 'duty24h', text: '启动24小时值守' }],
    notify: [{ contactId: 1 }],
    reports: { initialMinutes: 30, writtenMinutes: 60, updateEveryMinutes: 60 },
    presetViewId,
  };
  return { IV: level, III: level, II: level, I: level };
}

export function cameraWrite(method: string, id: string): Input {
  if (method === 'cameras.create') {
    return { id, name: '矩阵新摄像机', workstationId: 'HQ-W-HQ01', mainUrl: 'http://127.0.0.1/x/main.m3u8' };
  }
  if (method === 'cameras.update') return { id, name: '改名摄像机' };
  if (method === 'cameras.setEnabled') return { id, enabled: true };
  return { id };
}

export function adminUserInput(method: string, id: number): Input {
  if (method === 'admin.users.update') return { id, displayName: '备用人员' };
  if (method === 'admin.users.setDisabled') return { id, disabled: false };
  return { id, newPassword: 'Spare#2026xyz' };
}
