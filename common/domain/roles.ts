/** The seven console roles (docs/domain.md#roles). Codes are stable; names are for display. */
export const ROLES = [
  'video_monitor',
  'duty_chief',
  'grid_officer',
  'hotline_officer',
  'station_chief',
  'coordinator',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  video_monitor: { zh: '视频监控员', en: 'Video monitor' },
  duty_chief: { zh: '平台值班长', en: 'Duty chief' },
  grid_officer: { zh: '网格信息员', en: 'Grid officer' },
  hotline_officer: { zh: '热线信息员', en: 'Hotline officer' },
  station_chief: { zh: '联勤站站长/值班长', en: 'Station chief' },
  coordinator: { zh: '应急协调', en: 'Emergency coordinator' },
  admin: { zh: '系统管理', en: 'Administrator' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
