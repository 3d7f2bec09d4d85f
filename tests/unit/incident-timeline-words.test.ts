import { describe, expect, it } from 'vitest';
import { TIMELINE_DETAIL_KEYS } from '../../common/domain/incidents/timeline-keys';
import type { Language } from '../../common/domain/org';
import {
  activatedWords,
  closedWords,
  confirmedWords,
  levelWords,
  notifiedWords,
  orderLinkedWords,
  reportMissedWords,
  reportWords,
  tickWords,
} from '../../main/services/incidents/timeline-words';
import { incidentTimelineEn } from '../../renderer/src/i18n/incident-timeline.en';
import { incidentTimelineZh } from '../../renderer/src/i18n/incident-timeline.zh';
import { timelineText } from '../../renderer/src/incidents/page/timeline-text';
import { latinWords } from '../helpers/latin-words';
import { FLOOD_HQ01, incidentHubs } from '../helpers/incident-hub';
import { ok } from '../helpers/hub';

const ctx = (language: Language) => ({
  language,
  texts: language === 'en' ? incidentTimelineEn : incidentTimelineZh,
  formatTime: (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' '),
});
const DATA = [
  '合庆村',
  '建光村',
  '赵磊',
  '强降雨',
  '积水已退',
  '沙袋到位',
  '首报内容',
  '井盖缺失',
  '孙站长',
  '站长',
  '已收到',
];
const hanOutsideData = (text: string) =>
  DATA.slice()
    .sort((a, b) => b.length - a.length)
    .reduce((t, d) => t.split(d).join(''), text)
    .match(/\p{Script=Han}+/gu) ?? [];

const SAMPLES = [
  activatedWords({
    drill: false,
    type: 'flood',
    level: 'IV',
    areas: ['合庆村', '建光村'],
    commander: '赵磊',
    situation: '强降雨',
  }),
  activatedWords({ drill: true, type: 'fire', level: 'II', areas: ['合庆村'], commander: '赵磊', situation: '强降雨' }),
  levelWords(true, 'IV', 'III', '强降雨'),
  levelWords(false, 'III', 'IV', '积水已退'),
  closedWords(false, '积水已退'),
  closedWords(true, '积水已退'),
  tickWords(true, '沙袋到位'),
  tickWords(false, '沙袋到位'),
  reportWords('initial', false, '首报内容'),
  reportWords('update', true, '首报内容'),
  reportMissedWords('written', Date.UTC(2026, 11, 2, 3, 30)),
  orderLinkedWords(false, { code: 'HQ20261202-0001', title: '井盖缺失' }),
  orderLinkedWords(true, { code: 'HQ20261202-0002', title: '井盖缺失' }),
  notifiedWords({ name: '孙站长', title: '站长', channel: 'phone', phone: '138****0000', note: '已收到' }),
  notifiedWords({ name: '孙站长', title: null, channel: 'console', phone: null, note: null }),
  confirmedWords({ name: '孙站长', channel: 'console', note: null }),
  confirmedWords({ name: '孙站长', channel: 'sms', note: '已收到' }),
];

const hubs = incidentHubs();

describe('incident timeline entries in the console’s language', () => {
  it('every key has a zh and an en template, and every sample uses a known key', () => {
    expect(Object.keys(incidentTimelineZh.entry).sort()).toEqual([...TIMELINE_DETAIL_KEYS].sort());
    expect(Object.keys(incidentTimelineEn.entry).sort()).toEqual([...TIMELINE_DETAIL_KEYS].sort());
    expect(new Set(SAMPLES.map((s) => s.detail.key))).toEqual(new Set(TIMELINE_DETAIL_KEYS));
  });

  it('Chinese renders exactly the stored text; English has no Chinese outside the data', () => {
    for (const { text, detail } of SAMPLES) {
      const entry = { text, detail };
      // The stored text and the Chinese rendering agree (the PDF prints the one, the console shows the other).
      if (detail.key !== 'timeline.reportMissed') expect(timelineText(entry, ctx('zh-CN'))).toBe(text);
      expect(latinWords(timelineText(entry, ctx('zh-CN'))), text).toEqual([]);
      const en = timelineText(entry, ctx('en'));
      expect(hanOutsideData(en), en).toEqual([]);
      expect(en).not.toMatch(/\{\{|undefined|\bI{1,3}V?\b(?! \()|\binitial\b/);
    }
    expect(timelineText(SAMPLES[2]!, ctx('en'))).toBe('Raised: Level IV (general) → Level III (major); reason: 强降雨');
    expect(timelineText(SAMPLES[10]!, ctx('en'))).toBe(
      'Written report not submitted in time (due by 2026-12-02 03:30)',
    );
    expect(timelineText(SAMPLES[13]!, ctx('en'))).toBe('Notified 孙站长 (站长) (Phone 138****0000): 已收到');
  });

  it('an entry without a detail (a free note, or written before) shows its text', () => {
    expect(timelineText({ text: '现场已拉警戒线', detail: null }, ctx('en'))).toBe('现场已拉警戒线');
    expect(timelineText({ text: '旧条目', detail: { key: 'timeline.future', params: {} } }, ctx('en'))).toBe('旧条目');
  });

  it('the hub stores the detail with each entry it writes, and none with a note', async () => {
    const { hub, coord } = await hubs('coord');
    const started = await ok(hub, coord, 'incidents.activate', FLOOD_HQ01);
    const id = started.incident.id;
    await ok(hub, coord, 'incidents.note', { id, text: '现场已拉警戒线' });
    const { timeline } = await ok(hub, coord, 'incidents.get', { id });
    const byKind = Object.fromEntries(timeline.map((e) => [e.kind, e.detail]));
    expect(byKind.activated).toMatchObject({
      key: 'timeline.activated',
      params: { incidentType: 'flood', level: 'IV', commander: '赵磊', note: '强降雨' },
    });
    expect(byKind.note).toBeNull();
    expect(
      timelineText(
        timeline.find((e) => e.kind === 'activated')!,
        ctx('en'),
      ),
    ).toMatch(
      /^Emergency response started: Typhoon and flood, Level IV \(general\); area: \p{Script=Han}+; command: 赵磊; situation: 强降雨$/u,
    );
  });
});
