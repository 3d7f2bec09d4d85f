import { describe, expect, it } from 'vitest';
import type { Language } from '../../common/domain/org';
import { auditMethodsEn } from '../../renderer/src/i18n/audit-methods.en';
import { auditMethodsZh } from '../../renderer/src/i18n/audit-methods.zh';
import { auditEn } from '../../renderer/src/i18n/audit.en';
import { auditZh } from '../../renderer/src/i18n/audit.zh';
import { auditSummary, type AuditRenderContext } from '../../renderer/src/workspaces/admin/audit/render';
import { latinWords } from '../helpers/latin-words';
import { OPS_DATA, OPS_SAMPLES } from './audit-ops-samples';

const UNITS: Record<string, string> = { 'HQ-C': '城运中心', 'ST-1': '第一联勤站' };
const ctx = (language: Language): AuditRenderContext => ({
  language,
  texts: language === 'en' ? auditEn : auditZh,
  methodNames: language === 'en' ? auditMethodsEn : auditMethodsZh,
  actionName: (a) => a,
  unitName: (id) => UNITS[id],
  categoryName: (id) => (id === '0101304' ? '井盖缺失' : undefined),
});
const zh = ctx('zh-CN');
const en = ctx('en');
const row = (detail: (typeof OPS_SAMPLES)[keyof typeof OPS_SAMPLES]) => ({
  method: 'x.y',
  summary: '存储的文字',
  detail,
});

/** Han characters left once the sample data is taken out: words of the template. */
const hanOutsideData = (text: string) =>
  OPS_DATA.slice()
    .sort((a, b) => b.length - a.length)
    .reduce((t, name) => t.split(name).join(''), text)
    .match(/\p{Script=Han}+/gu) ?? [];

describe('audit rows that were "中文 / english" or Chinese prose, in the console’s language', () => {
  it('Chinese: no English word; English: no Chinese outside the data; both from the template', () => {
    for (const [key, detail] of Object.entries(OPS_SAMPLES)) {
      const zhText = auditSummary(row(detail), zh);
      const enText = auditSummary(row(detail), en);
      expect(latinWords(zhText), `${key}: ${zhText}`).toEqual([]);
      expect(hanOutsideData(enText), `${key}: ${enText}`).toEqual([]);
      for (const text of [zhText, enText]) {
        expect(text, key).not.toBe('存储的文字');
        expect(text, key).not.toMatch(/\{\{|undefined|true|webrtc|hls\b|mainSecret|HQ-C|ST-1/);
      }
    }
  });

  it('reads as the issue wants', () => {
    expect(auditSummary(row(OPS_SAMPLES['auth.login']), zh)).toBe('登录');
    expect(auditSummary(row(OPS_SAMPLES['auth.login']), en)).toBe('Signed in');
    expect(auditSummary(row(OPS_SAMPLES['user.resetPassword']), en)).toBe(
      'Reset the password and unlocked the account',
    );
    expect(auditSummary(row(OPS_SAMPLES['camera.update']), zh)).toBe(
      '修改摄像机 C001 海塘村口：名称、播放方式→仅 HLS、H.265 转码→关、主码流凭据',
    );
    expect(auditSummary(row(OPS_SAMPLES['camera.update']), en)).toBe(
      'Changed camera C001 海塘村口: name, playback → HLS only, H.265 transcoding → off, main stream credentials',
    );
    expect(auditSummary(row(OPS_SAMPLES['camera.create']), zh)).toBe(
      '新增摄像机 C001 海塘村口（海塘村），播放方式 仅 WebRTC，H.265 转码',
    );
    expect(auditSummary(row(OPS_SAMPLES['wall.viewUpdate']), zh)).toBe(
      '修改共享画面“主墙”：9 画面，5 路摄像机（由个人改为共享）',
    );
    expect(auditSummary(row(OPS_SAMPLES['wall.viewUpdate']), en)).toBe(
      'Changed shared view “主墙”: 9 tiles, 5 cameras (moved from personal to shared)',
    );
    expect(auditSummary(row(OPS_SAMPLES['wall.tourCreate']), zh)).toBe(
      '新建共享轮巡“夜间巡查”：整墙 2x2 画面，8 路摄像机，每 30 秒切换',
    );
    expect(auditSummary(row(OPS_SAMPLES['wall.lossAlarm']), en)).toBe(
      'Video-loss alarm (海塘网格): on, alarm after 10 s offline → off',
    );
    expect(auditSummary(row(OPS_SAMPLES['incident.level']), zh)).toBe('调整响应级别：Ⅳ级（一般） → Ⅲ级（较大）');
    expect(auditSummary(row(OPS_SAMPLES['incident.level']), en)).toBe(
      'Response level changed: Level IV (general) → Level III (major)',
    );
    expect(auditSummary(row(OPS_SAMPLES['incident.reportLate']), en)).toBe('Report 2 submitted (late): 续报');
    expect(auditSummary(row(OPS_SAMPLES['attachment.upload']), zh)).toBe(
      '上传附件 现场照片（图片，2048 字节，sha256 3fa9c0d1e2b4）',
    );
    expect(auditSummary(row(OPS_SAMPLES['duty.pattern']), en)).toBe(
      'Shift pattern of 城运中心: Early 08:00–16:00, Late 16:00–24:00',
    );
  });

  it('old "中文 / english" rows without a detail still show one half each', () => {
    const old = { method: 'admin.users.setDisabled', summary: '停用用户 / disabled', detail: null };
    expect(auditSummary(old, zh)).toBe('停用用户');
    expect(auditSummary(old, en)).toBe('disabled');
  });
});
