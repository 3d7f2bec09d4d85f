import type { AuditDetailKey, AuditParam } from '../../../common/contract';
import { CONTACT_KIND_NAMES, NOTIFY_CHANNEL_NAMES } from '../../../common/domain/contacts';
import type { ContactKind, NotifyChannel } from '../../../common/domain/contacts';
import { INCIDENT_LEVEL_NAMES, INCIDENT_TYPE_NAMES } from '../../../common/domain/incidents/types';
import type { IncidentLevel, IncidentType } from '../../../common/domain/incidents/types';
import type { WallScope } from '../../../common/domain/wall';
import { auditDetail } from './detail';
import type { AuditWords } from './notes';

/**
 * The audit words of the calls that used to store one "中文 / english" string or Chinese prose only
 *: sign-in and out, users, contacts, attachments, API keys, demo streams, alert
 * acknowledgement, cameras, the wall, incidents, checklists. `summary` stays the Chinese text (the
 * text filter searches it; a console that does not know the key shows it); the console renders the
 * detail in its own language (renderer/src/i18n/audit.*.ts).
 */
function words(key: AuditDetailKey, summary: string, params: Record<string, AuditParam | undefined> = {}): AuditWords {
  return { summary, detail: auditDetail(key, params) };
}

const FIXED = {
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改本人密码',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.resetPassword': '重置密码并解锁',
  'attachment.uploadStart': '上传附件',
  'order.alertAck': '确认工单提醒',
} as const satisfies Partial<Record<AuditDetailKey, string>>;

/** A call whose row says only what was done (the target column says to what). */
export function fixedWords(key: keyof typeof FIXED): AuditWords {
  return words(key, FIXED[key]);
}

export function contactSaveWords(changed: boolean, contact: { name: string; kind: ContactKind }): AuditWords {
  const kind = CONTACT_KIND_NAMES[contact.kind];
  return words(
    changed ? 'contact.change' : 'contact.add',
    `${changed ? '修改' : '新增'}通讯录${kind.zh}“${contact.name}”`,
    {
      name: contact.name,
      contactKind: kind,
    },
  );
}

export function contactDeleteWords(name: string): AuditWords {
  return words('contact.delete', `删除通讯录条目“${name}”`, { name });
}

export function notifyWords(contactName: string, channel: NotifyChannel): AuditWords {
  const how = NOTIFY_CHANNEL_NAMES[channel];
  return words('incident.notify', `通知 ${contactName}（${how.zh}）`, { name: contactName, channel: how });
}

export function notifyConfirmWords(contactName: string): AuditWords {
  return words('incident.notifyConfirm', `确认通知 ${contactName}`, { name: contactName });
}

export function uploadWords(f: { name: string; mime: string; size: number; sha256: string }): AuditWords {
  const sha = f.sha256.slice(0, 12);
  return words('attachment.upload', `上传附件 ${f.name}（${f.mime}，${f.size} 字节，sha256 ${sha}）`, {
    name: f.name,
    mime: f.mime,
    size: f.size,
    sha,
  });
}

export function apiKeyWords(key: 'apikey.issue' | 'apikey.revoke' | 'apikey.alreadyRevoked', name: string): AuditWords {
  const zh = {
    'apikey.issue': `签发 Open311 API 密钥「${name}」`,
    'apikey.revoke': `吊销 Open311 API 密钥「${name}」`,
    'apikey.alreadyRevoked': `Open311 API 密钥「${name}」早已吊销`,
  }[key];
  return words(key, zh, { name });
}

type BackupAuditKey = 'backup.run' | 'backup.verify' | 'backup.restore' | 'backup.restored' | 'backup.restoreFailed';

/** "Back up now", the check of one backup, and a restore: asked for, done, or undone (the 备份与恢复 page). */
export function backupWords(key: BackupAuditKey, name: string, preRestore = ''): AuditWords {
  const zh = {
    'backup.run': `立即备份 ${name}`,
    'backup.verify': `校验备份 ${name}`,
    'backup.restore': `要求从备份 ${name} 恢复`,
    'backup.restored': `已从备份 ${name} 恢复（恢复前的数据库已备份为 ${preRestore}）`,
    'backup.restoreFailed': `从备份 ${name} 恢复失败，中枢仍使用原数据库`,
  }[key];
  return words(key, zh, preRestore === '' ? { name } : { name, preRestore });
}

/** A KPI report generated on request (统计分析 → 报表): its kind, first day and scope (the center's unit, or a station). */
export function reportWords(
  name: string,
  report: { kind: 'daily' | 'weekly'; date: string; unitId: string },
): AuditWords {
  const kind = report.kind === 'daily' ? { zh: '日报', en: 'daily report' } : { zh: '周报', en: 'weekly report' };
  return words('report.generate', `生成报表 ${name}`, { kind, date: report.date, unit: report.unitId });
}

export function demoStreamWords(running: boolean, stream: string): AuditWords {
  return words(running ? 'demo.streamStart' : 'demo.streamStop', `${running ? '启动' : '停止'}演示流 ${stream}`, {
    stream,
  });
}

const PLAYBACK_ZH = { auto: '自动', webrtc: '仅 WebRTC', hls: '仅 HLS' } as const;
type Playback = keyof typeof PLAYBACK_ZH;

export function cameraCreateWords(c: {
  id: string;
  name: string;
  workstationName: string;
  playback: Playback;
  transcode: boolean;
}): AuditWords {
  const media = `${c.playback === 'auto' ? '' : `，播放方式 ${PLAYBACK_ZH[c.playback]}`}${c.transcode ? '，H.265 转码' : ''}`;
  return words('camera.create', `新增摄像机 ${c.id} ${c.name}（${c.workstationName}）${media}`, {
    id: c.id,
    name: c.name,
    place: c.workstationName,
    playback: c.playback === 'auto' ? undefined : c.playback,
    transcode: c.transcode ? true : undefined,
  });
}

/**
 * The fields an update changed, as codes ('name', 'playback=hls', 'transcode=on', 'mainSecret');
 * the console names them. Never a URL or a credential.
 */
export function cameraUpdateWords(
  c: { id: string; name: string },
  changed: { zh: string[]; codes: string[] },
): AuditWords {
  return words('camera.update', `修改摄像机 ${c.id} ${c.name}：${changed.zh.join('、') || '无变化'}`, {
    id: c.id,
    name: c.name,
    fields: changed.codes,
  });
}

export function cameraWords(
  key: 'camera.enable' | 'camera.disable' | 'camera.delete',
  c: { id: string; name: string },
) {
  const verb = { 'camera.enable': '启用', 'camera.disable': '停用', 'camera.delete': '删除' }[key];
  return words(key, `${verb}摄像机 ${c.id} ${c.name}`, { id: c.id, name: c.name });
}

export function cameraImportWords(
  dryRun: boolean,
  format: string,
  r: { total: number; created: number; updated: number; rejected: number },
): AuditWords {
  return words(
    dryRun ? 'camera.importCheck' : 'camera.import',
    `${dryRun ? '校验' : '导入'}摄像机（${format.toUpperCase()}，${r.total} 行）：新增 ${r.created}，更新 ${r.updated}，拒绝 ${r.rejected}`,
    { format: format.toUpperCase(), total: r.total, created: r.created, updated: r.updated, rejected: r.rejected },
  );
}

const scopeZh = (scope: WallScope) => (scope === 'shared' ? '共享' : '个人');
const movedZh = (before: WallScope | undefined, after: WallScope) =>
  before !== undefined && before !== after ? `（由${scopeZh(before)}改为${scopeZh(after)}）` : '';

export function wallViewSaveWords(
  view: { name: string; scope: WallScope },
  before: { scope: WallScope } | undefined,
  tiles: number,
  cameras: number,
): AuditWords {
  return words(
    before ? 'wall.viewUpdate' : 'wall.viewCreate',
    `${before ? '修改' : '新建'}${scopeZh(view.scope)}画面“${view.name}”：${tiles} 画面，${cameras} 路摄像机` +
      movedZh(before?.scope, view.scope),
    {
      name: view.name,
      scope: view.scope,
      tiles,
      cameras,
      fromScope: before && before.scope !== view.scope ? before.scope : undefined,
    },
  );
}

export function wallTourSaveWords(
  tour: {
    name: string;
    scope: WallScope;
    mode: 'wall' | 'tile';
    layout: string | null;
    cameras: number;
    dwellSeconds: number;
  },
  before: { scope: WallScope } | undefined,
): AuditWords {
  const how = tour.mode === 'wall' ? `整墙 ${tour.layout ?? ''} 画面` : '单格';
  return words(
    before ? 'wall.tourUpdate' : 'wall.tourCreate',
    `${before ? '修改' : '新建'}${scopeZh(tour.scope)}轮巡“${tour.name}”：${how}，` +
      `${tour.cameras} 路摄像机，每 ${tour.dwellSeconds} 秒切换` +
      movedZh(before?.scope, tour.scope),
    {
      name: tour.name,
      scope: tour.scope,
      tourMode: tour.mode,
      layout: tour.layout ?? '',
      cameras: tour.cameras,
      dwell: tour.dwellSeconds,
      fromScope: before && before.scope !== tour.scope ? before.scope : undefined,
    },
  );
}

export function wallDeleteWords(
  key: 'wall.viewDelete' | 'wall.tourDelete',
  row: { name: string; scope: WallScope; ownerName: string },
): AuditWords {
  const what = key === 'wall.viewDelete' ? '画面' : '轮巡';
  return words(key, `删除${scopeZh(row.scope)}${what}“${row.name}”（创建人 ${row.ownerName}）`, {
    name: row.name,
    scope: row.scope,
    owner: row.ownerName,
  });
}

export function wallWindowAlarmWords(alarm: boolean, w: { name: string; userName: string }): AuditWords {
  return words(
    alarm ? 'wall.windowAlarmOn' : 'wall.windowAlarmOff',
    `${alarm ? '设为' : '取消'}电视墙报警窗口“${w.name}”（${w.userName}）`,
    { name: w.name, user: w.userName },
  );
}

/** What an alarm or a push is about, in both languages (an order's code, a camera's name are data). */
export type Bilingual = { zh: string; en: string };

export function wallAlarmAckWords(windowName: string, why: Bilingual): AuditWords {
  return words('wall.alarmAck', `确认电视墙报警窗口“${windowName}”上的${why.zh}报警，返回原画面`, {
    name: windowName,
    cause: why,
  });
}

export function wallPushWords(what: Bilingual, w: { name: string; userName: string }): AuditWords {
  return words('wall.push', `推送${what.zh}到电视墙窗口“${w.name}”（${w.userName}）`, {
    what,
    name: w.name,
    user: w.userName,
  });
}

export function wallAlarmWords(what: Bilingual, cameras: number, w: { name: string; userName: string }): AuditWords {
  return words('wall.alarm', `${what.zh}报警：推送 ${cameras} 路摄像机到电视墙报警窗口“${w.name}”（${w.userName}）`, {
    cause: what,
    cameras,
    name: w.name,
    user: w.userName,
  });
}

export function lossAlarmWords(
  gridName: string,
  before: { enabled: boolean; delayS: number },
  after: { enabled: boolean; delayS: number },
): AuditWords {
  const describe = (s: { enabled: boolean; delayS: number }) =>
    s.enabled ? `开启，离线 ${s.delayS} 秒后报警` : '关闭';
  return words('wall.lossAlarm', `视频丢失报警（${gridName}）：${describe(before)} → ${describe(after)}`, {
    place: gridName,
    beforeOn: before.enabled,
    beforeDelay: before.delayS,
    afterOn: after.enabled,
    afterDelay: after.delayS,
  });
}

export function dutyPatternWords(
  unit: { id: string; name: string },
  shifts: readonly { name: string; nameEn: string; start: string; end: string }[],
): AuditWords {
  const list = {
    zh: shifts.map((s) => `${s.name} ${s.start}–${s.end}`).join('，'),
    en: shifts.map((s) => `${s.nameEn || s.name} ${s.start}–${s.end}`).join(', '),
  };
  return words('duty.pattern', `班次模板 ${unit.name}：${list.zh}`, { unit: unit.id, shifts: list });
}

export function dutyChecklistWords(unit: { id: string; name: string }, labels: string[]): AuditWords {
  return words('duty.checklist', `修改交接检查项（${unit.name}）：${labels.join('；')}`, {
    unit: unit.id,
    items: labels,
  });
}

export function incidentActivateWords(i: { drill: boolean; type: IncidentType; level: IncidentLevel; name: string }) {
  return words(
    i.drill ? 'incident.drill' : 'incident.activate',
    `${i.drill ? '启动演练' : '启动应急响应'}：${INCIDENT_TYPE_NAMES[i.type].zh} ${INCIDENT_LEVEL_NAMES[i.level].zh}「${i.name}」`,
    { incidentType: i.type, level: i.level, name: i.name },
  );
}

export function incidentLevelWords(from: IncidentLevel, to: IncidentLevel): AuditWords {
  return words('incident.level', `调整响应级别：${INCIDENT_LEVEL_NAMES[from].zh} → ${INCIDENT_LEVEL_NAMES[to].zh}`, {
    fromLevel: from,
    level: to,
  });
}

export function incidentCloseWords(name: string): AuditWords {
  return words('incident.close', `结束应急事件「${name}」`, { name });
}

export function incidentTickWords(done: boolean, itemId: number): AuditWords {
  return words(done ? 'incident.tick' : 'incident.untick', `${done ? '完成' : '撤销完成'}检查项 ${itemId}`, {
    id: itemId,
  });
}

export function incidentNoteWords(text: string): AuditWords {
  const note = text.slice(0, 80);
  return words('incident.note', `事件记录：${note}`, { note });
}

export function incidentReportWords(reportId: number, late: boolean, text: string): AuditWords {
  const note = text.slice(0, 80);
  return words(
    late ? 'incident.reportLate' : 'incident.report',
    `报送报告 ${reportId}${late ? '（超时）' : ''}：${note}`,
    {
      id: reportId,
      note,
    },
  );
}

export function incidentLinkWords(orderId: number): AuditWords {
  return words('incident.linkOrder', `关联工单 ${orderId}`, { id: orderId });
}

export function incidentPlanWords(name: string): AuditWords {
  return words('incident.planSave', `保存应急预案「${name}」`, { name });
}

export function open311Words(c: { code: string; title: string }, category: { id: string; name: string }): AuditWords {
  return words('open311.create', `Open311 报件，登记工单 ${c.code}「${c.title}」（${category.id} ${category.name}）`, {
    code: c.code,
    title: c.title,
    category: category.id,
  });
}
