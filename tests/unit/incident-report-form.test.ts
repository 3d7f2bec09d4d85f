import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { call, demoHub, ok, signedIn, testClock } from '../helpers/hub';

/** 2026-12-02 10:00 Shanghai. */
const START = Date.UTC(2026, 11, 2, 2, 0, 0);

let hub: Hub | undefined;
afterEach(() => {
  hub?.close();
  hub = undefined;
});

/**
 * The 记录报告 form checks nothing itself: it shows the hub's refusal of the text under the field
 * when the refusal names `text` (RecordReportModal), in the UI's language. These pin that contract.
 */
describe('记录报告 form: the hub answers its text checks in both languages, naming the field', () => {
  it('empty, blank and too long text are refused with zh and en messages and issues on `text`', async () => {
    hub = await demoHub({ clock: testClock(START), alertSweepMs: 0, dutySweepMs: 0, incidentSweepMs: 0 });
    const coord = await signedIn(hub, 'coord');
    const detail: MethodOutput<'incidents.activate'> = await ok(hub, coord, 'incidents.activate', {
      type: 'flood',
      level: 'IV',
      areaIds: ['HQ-W-HQ01'],
      commanderName: '赵磊',
      situation: '强降雨',
    });
    const report = detail.reports[0]!;
    for (const [text, zh] of [
      ['', '不能为空'],
      ['   ', '不能为空'],
      ['报'.repeat(4001), '最多 4000 个字符'],
    ] as const) {
      const r = await call(hub, coord, 'incidents.report.record', {
        id: detail.incident.id,
        reportId: report.id,
        text,
      });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('E_INVALID');
      expect(r.error.message.zh).toBe(`输入无效：${zh}（字段 text）`);
      expect(r.error.message.en).toMatch(/^Invalid input — text/);
      const issues = (r.error.details as { issues: { path: string }[] }).issues;
      expect(issues.map((i) => i.path)).toContain('text');
    }
    // Nothing was recorded: the timer still runs.
    const after = await ok(hub, coord, 'incidents.get', { id: detail.incident.id });
    expect(after.reports.find((r) => r.id === report.id)?.recordedAt).toBeNull();
  });
});
