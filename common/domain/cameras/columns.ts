/**
 * The columns of a camera file, the same for import and export (an export re-imports as is). A
 * header may be Chinese or English; matching ignores case, spaces, '_' and '-'.
 */
export const CAMERA_COLUMN_KEYS = [
  'id',
  'name',
  'code',
  'workstation',
  'mainUrl',
  'subUrl',
  'protocol',
  'tags',
  'enabled',
] as const;
export type CameraColumnKey = (typeof CAMERA_COLUMN_KEYS)[number];

export const CAMERA_COLUMNS: Record<CameraColumnKey, { zh: string; en: string; aliases: readonly string[] }> = {
  id: { zh: '编号', en: 'id', aliases: ['cameraid', '摄像机编号', '设备编号'] },
  name: { zh: '名称', en: 'name', aliases: ['摄像机名称', '设备名称'] },
  code: { zh: '编码', en: 'code', aliases: ['国标编码', 'gbcode', 'gb28181', '设备编码'] },
  workstation: { zh: '工作站', en: 'workstation', aliases: ['workstationid', '村居工作站', '村居'] },
  mainUrl: { zh: '主码流', en: 'mainUrl', aliases: ['主码流地址', 'main', 'mainstream'] },
  subUrl: { zh: '子码流', en: 'subUrl', aliases: ['子码流地址', 'sub', 'substream'] },
  protocol: { zh: '协议', en: 'protocol', aliases: [] },
  tags: { zh: '标签', en: 'tags', aliases: [] },
  enabled: { zh: '启用', en: 'enabled', aliases: ['是否启用'] },
};

/** Without these a file cannot describe a camera at all. */
export const REQUIRED_COLUMNS: readonly CameraColumnKey[] = ['name', 'workstation', 'mainUrl'];

function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const BY_HEADER = new Map<string, CameraColumnKey>(
  CAMERA_COLUMN_KEYS.flatMap((key) => {
    const c = CAMERA_COLUMNS[key];
    return [c.zh, c.en, ...c.aliases].map((h) => [normalizeHeader(h), key] as [string, CameraColumnKey]);
  }),
);

export function columnOf(header: string): CameraColumnKey | undefined {
  return BY_HEADER.get(normalizeHeader(header));
}

/** Tags are written joined by ';' and read split on ; ； or 、 (the Chinese list comma). */
export function splitTags(text: string): string[] {
  return text
    .split(/[;；、]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

const YES = new Set(['1', 'true', 'yes', 'y', 'on', '是', '启用', '开启', '正常']);
const NO = new Set(['0', 'false', 'no', 'n', 'off', '否', '停用', '禁用', '关闭']);

/** 是/否, 启用/停用, true/false, 1/0 …; blank means enabled; undefined when unreadable. */
export function parseEnabled(text: string): boolean | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (t === '' || YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

export const ENABLED_TEXT = { true: '是', false: '否' } as const;
