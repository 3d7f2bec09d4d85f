import { describe, expect, it } from 'vitest';
import { AUDIT_DETAIL_KEYS, type AuditDetail, type AuditEntry } from '../../common/contract';
import type { Language } from '../../common/domain/org';
import { auditMethodsEn } from '../../renderer/src/i18n/audit-methods.en';
import { auditMethodsZh } from '../../renderer/src/i18n/audit-methods.zh';
import { auditEn } from '../../renderer/src/i18n/audit.en';
import { auditZh } from '../../renderer/src/i18n/audit.zh';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';
import {
  auditSummary,
  auditTarget,
  errorName,
  methodName,
  type AuditRenderContext,
} from '../../renderer/src/workspaces/admin/audit/render';
import { formatDay } from '../../renderer/src/time/formatDay';
import { latinWords } from '../helpers/latin-words';
import { OPS_SAMPLES } from './audit-ops-samples';

const UNITS: Record<string, string> = { 'HQ-C': '城运中心', 'ST-1': '第一联勤站' };
const CATEGORIES: Record<string, string> = { '0101304': '井盖缺失' };

function context(language: Language): AuditRenderContext {
  const messages = language === 'en' ? en : zhCN;
  return {
    language,
    texts: language === 'en' ? auditEn : auditZh,
    methodNames: language === 'en' ? auditMethodsEn : auditMethodsZh,
    actionName: (a) => (messages.orders.action as Record<string, string>)[a] ?? a,
    unitName: (id) => UNITS[id],
    categoryName: (id) => CATEGORIES[id],
  };
}
const zh = context('zh-CN');
const enCtx = context('en');

const row = (method: string, summary: string, detail: AuditDetail | null = null) => ({ method, summary, detail });
const early = { zh: '早班', en: 'Early' };
const chief = { zh: '平台值班长', en: 'Duty chief' };

/** One detail of every kind, as the hub writes them (main/services/audit/notes.ts, notes-ops.ts). */
const SAMPLES: Record<(typeof AUDIT_DETAIL_KEYS)[number], AuditDetail> = {
  ...OPS_SAMPLES,
  'order.create': {
    key: 'order.create',
    params: { code: 'HQ20261202-0001', title: '海塘村路口井盖缺失', category: '0101304', urgency: 'normal' },
  },
  'order.act': { key: 'order.act', params: { action: 'supervise', state: 'dispatched', note: '请尽快处置' } },
  'roster.assign': {
    key: 'roster.assign',
    params: { unit: 'HQ-C', date: '2026-12-02', shift: early, post: chief, user: '王芳' },
  },
  'roster.unassign': {
    key: 'roster.unassign',
    params: { unit: 'HQ-C', date: '2026-12-02', shift: early, post: chief, user: '王芳' },
  },
  'roster.copyWeek': { key: 'roster.copyWeek', params: { unit: 'ST-1', date: '2026-11-30', weeks: 2, created: 24 } },
  'roster.checkIn': { key: 'roster.checkIn', params: { unit: 'HQ-C', date: '2026-12-02', shift: early, post: chief } },
  'roster.checkOut': {
    key: 'roster.checkOut',
    params: { unit: 'HQ-C', date: '2026-12-02', shift: early, post: chief },
  },
  'user.create': {
    key: 'user.create',
    params: { name: '李娜', username: 'lina', roles: ['duty_chief', 'video_monitor'], unit: 'HQ-C' },
  },
  'user.update': { key: 'user.update', params: { roles: ['station_chief'], unit: 'ST-1' } },
  'auth.language': { key: 'auth.language', params: { language: 'en' } },
  'duty.logEntry': {
    key: 'duty.logEntry',
    params: { date: '2026-12-02', shift: early, kind: 'duty', corrects: null, note: '巡查东川公路' },
  },
  'handover.start': { key: 'handover.start', params: { date: '2026-12-02', shift: early } },
  'handover.cancel': { key: 'handover.cancel', params: { date: '2026-12-02', shift: early } },
  'handover.sign': {
    key: 'handover.sign',
    params: { side: 'outgoing', signer: '王芳', date: '2026-12-02', shift: early },
  },
  'handover.sealed': {
    key: 'handover.sealed',
    params: { side: 'incoming', signer: '赵磊', date: '2026-12-02', shift: early, seal: '3fa9c0d1e2b4a5f6' },
  },
  'handover.signAttempt': { key: 'handover.signAttempt', params: { side: 'incoming', signer: '赵磊' } },
  'sla.limit': { key: 'sla.limit', params: { category: null, urgency: 'urgent', minutes: 120, mode: 'working' } },
  'sla.calendar': { key: 'sla.calendar', params: { date: '2027-01-01', dayKind: 'holiday', name: '元旦' } },
  'wall.lossAck': {
    key: 'wall.lossAck',
    params: { name: '合庆广场东侧', camera: 'CAM-7001', stream: 'main', group: '合庆责任网格' },
  },
};

describe('audit summaries in the console’s language', () => {
  it('have a template for every detail key in both languages', () => {
    expect(Object.keys(auditZh.summary).sort()).toEqual([...AUDIT_DETAIL_KEYS].sort());
    expect(Object.keys(auditEn.summary).sort()).toEqual([...AUDIT_DETAIL_KEYS].sort());
  });

  it('render every kind without codes or English in Chinese, and without Chinese in English', () => {
    for (const key of AUDIT_DETAIL_KEYS) {
      const detail = SAMPLES[key];
      const zhText = auditSummary(row('x.y', '存储的文字', detail), zh);
      const enText = auditSummary(row('x.y', '存储的文字', detail), enCtx);
      expect(latinWords(zhText), `${key}: ${zhText}`).toEqual([]);
      expect(zhText, key).not.toMatch(/\{\{|HQ-C|ST-1|\d{4}-\d{2}-\d{2}|early|duty_chief|normal|dispatched/);
      expect(enText, key).not.toMatch(/\{\{|\d{4}-\d{2}-\d{2}|duty_chief|dispatched/);
      expect(zhText).not.toBe('存储的文字');
    }
  });

  it('say the examples of the issue in words', () => {
    expect(auditSummary(row('orders.act', '', SAMPLES['order.act']), zh)).toBe('督办，工单转为“待接单”：请尽快处置');
    expect(auditSummary(row('orders.act', '', SAMPLES['order.act']), enCtx)).toMatch(/^Supervise; the order is now “/);
    expect(auditSummary(row('orders.create', '', SAMPLES['order.create']), zh)).toBe(
      '受理工单 HQ20261202-0001「海塘村路口井盖缺失」（井盖缺失，一般）',
    );
    expect(auditSummary(row('duty.checkIn', '', SAMPLES['roster.checkIn']), zh)).toBe(
      '签到：城运中心 2026年12月2日 早班 平台值班长',
    );
    expect(auditSummary(row('duty.checkIn', '', SAMPLES['roster.checkIn']), enCtx)).toBe(
      'Checked in: 城运中心 2 Dec 2026 Early Duty chief',
    );
    expect(auditSummary(row('admin.users.create', '', SAMPLES['user.create']), zh)).toBe(
      '新建用户 李娜（平台值班长、视频监控员，城运中心）',
    );
    expect(auditSummary(row('admin.users.update', '', SAMPLES['user.update']), zh)).toBe(
      '修改用户：角色 联勤站站长/值班长、单位 第一联勤站',
    );
    expect(auditSummary(row('sla.limits.set', '', SAMPLES['sla.limit']), zh)).toBe(
      '处置时限 默认·紧急 = 120 分钟（工作时间）',
    );
    expect(auditSummary(row('sla.calendar.set', '', SAMPLES['sla.calendar']), zh)).toBe(
      '工作日历 2027年1月1日 设为节假日（元旦）',
    );
  });

  it('show rows written before details existed sensibly', () => {
    // The hub stored the contract's English description when a handler said nothing.
    expect(auditSummary(row('duty.pattern.set', "Change an org unit's shift pattern"), zh)).toBe('修改班次模板');
    expect(auditSummary(row('orders.act', 'supervise → dispatched'), zh)).toBe('督办，工单转为“待接单”');
    expect(auditSummary(row('orders.act', 'return → returned：不属本站辖区'), zh)).toMatch(/：不属本站辖区$/);
    expect(auditSummary(row('orders.create', '受理工单 HQ1「井盖」（0101304，normal）'), zh)).toBe(
      '受理工单 HQ1「井盖」（井盖缺失，一般）',
    );
    expect(auditSummary(row('duty.checkIn', '签到 HQ-C 2026-12-02 early duty_chief'), zh)).toBe(
      '签到：城运中心 2026年12月2日 早班 平台值班长',
    );
    expect(auditSummary(row('duty.roster.assign', '排班 ST-1 2026-12-02 late station_duty_chief：王芳'), zh)).toBe(
      '排班：第一联勤站 2026年12月2日 晚班 值班长，王芳',
    );
    expect(auditSummary(row('auth.login', '登录 / signed in'), zh)).toBe('登录');
    expect(auditSummary(row('auth.login', '登录 / signed in'), enCtx)).toBe('signed in');
    // Anything else: the stored text, as it was.
    expect(auditSummary(row('wall.views.save', '新建共享画面“主墙”：4 画面，2 路摄像机'), zh)).toBe(
      '新建共享画面“主墙”：4 画面，2 路摄像机',
    );
    // A key from a newer hub this console has no template for: the stored text.
    expect(auditSummary(row('x.y', '某操作', { key: 'future.kind', params: {} }), zh)).toBe('某操作');
  });

  it('name targets, methods and error codes', () => {
    const target = (t: string | null, targetName: string | null = null) => auditTarget({ target: t, targetName }, zh);
    expect(target('order:HQ20261202-0001')).toBe('工单 HQ20261202-0001');
    expect(target('user:coord', '赵磊（应急协调）')).toBe('用户 赵磊（应急协调）');
    expect(target('roster:12')).toBe('排班 #12');
    expect(target('roster-week:HQ-C:2026-11-30')).toBe('周排班 城运中心 2026年11月30日');
    expect(target('duty-pattern:ST-1')).toBe('班次模板 第一联勤站');
    expect(target('time_limit:*/urgent')).toBe('处置时限 默认·紧急');
    expect(target('time_limit:0101304/normal')).toBe('处置时限 井盖缺失·一般');
    expect(target('incident-plan:flood')).toMatch(/^应急预案 \p{Script=Han}+$/u);
    expect(target('cameras:import')).toBe('摄像机导入');
    expect(target(null)).toBeNull();
    for (const t of ['order:1', 'alert:3', 'duty-checkin:4', 'duty-log:5', 'wall-window:w1', 'calendar:2027-01-01']) {
      expect(latinWords(target(t) ?? ''), t).toEqual([]);
    }
    expect(methodName('orders.act', zh)).toBe('工单流转');
    expect(methodName('orders.act', enCtx)).toBe('Order action');
    expect(errorName('E_FORBIDDEN', zh)).toBe('无权操作');
    expect(formatDay('2026-12-02', 'zh-CN')).toBe('2026年12月2日');
    expect(formatDay('2026-12-02', 'en')).toBe('2 Dec 2026');
  });
});

// Keeps the AuditEntry shape in view: the renderer reads only these fields.
export type RenderedFields = Pick<AuditEntry, 'method' | 'summary' | 'detail' | 'target' | 'targetName'>;
