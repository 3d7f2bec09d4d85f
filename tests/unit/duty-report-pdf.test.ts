/**
 * The printable handover report: the PDF writer's text measurement and wrapping, the file's
 * structure, and the rendered report read back with pdfjs (what a viewer would show).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HandoverReport } from '../../common/contract/duty-handover';
import type { DutyLogEntry } from '../../common/contract/duty-log';
import { renderHandoverPdf } from '../../main/services/duty/report/handover-pdf';
import { A4, CONTENT_WIDTH, MARGIN } from '../../main/services/reports/pdf';
import { shiftLabel } from '../../main/services/duty/report/report-format';
import { pdfPageItems } from '../helpers/pdf-text';

const CMAPS = `${path.resolve('node_modules/pdfjs-dist/cmaps')}/`;
const MIN = 60_000;
/** 2026-11-26 08:00 Shanghai: the center's 早班 (08–16). */
const START = Date.UTC(2026, 10, 26, 0, 0, 0);
const SEAL_HASH = '3f9a1c0e5b7d2a4f6e8c0b1d3a5f7e9c2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a';
const LONG_TEXT =
  '区应急管理局 14:20 电话通知：受强对流天气影响，今晚 20 时至明晨 6 时本镇可能出现短时强降水，' +
  '请各联勤站加强巡查，重点关注川沙路、合庆路下立交及华星村、勤奋村低洼地段积水情况，' +
  '发现险情立即上报并在“城运通”中建单（类别：市政设施-道路积水），同时通知防汛物资仓库做好抽水泵、沙袋调拨准备。' +
  '值班长已电话告知第一、第二联勤站站长，并在大屏上调出 12 路重点点位视频（CAM-0031 至 CAM-0042）轮巡。' +
  'Reminder for the night shift: check pump station P-07 telemetry every 30 minutes and log readings here.';

function entry(id: number, minutes: number, more: Partial<DutyLogEntry> = {}): DutyLogEntry {
  return {
    id,
    shiftId: 7,
    seq: id,
    at: START + minutes * MIN,
    authorId: 3,
    authorName: '张三',
    kind: 'duty',
    text: `第 ${id} 条：巡查合庆路沿线 3 处点位，画面正常。`,
    correctsId: null,
    correctedBy: [],
    correctsRef: null,
    correctedByRefs: [],
    links: null,
    attachments: [],
    orders: [],
    cameras: [],
    ...more,
  };
}

function entries(): DutyLogEntry[] {
  const list: DutyLogEntry[] = [];
  for (let i = 1; i <= 70; i++) list.push(entry(i, i * 6));
  list[4] = entry(5, 30, {
    kind: 'call',
    text: '12345 热线来电：华星村 3 组有人反映路灯不亮（ref 2611260042）。',
    correctedBy: [71],
    correctedByRefs: [{ id: 71, seq: 71, shiftId: 7, shiftDate: '2026-11-26', shiftCode: 'early' }],
  });
  list[9] = entry(10, 60, {
    kind: 'system',
    authorId: null,
    authorName: 'system',
    text: '工单 HQ20261126-0003 超期（红灯）。',
    links: { orderIds: [3] },
  });
  list[19] = entry(20, 120, { kind: 'instruction', authorName: '王值班长', text: LONG_TEXT });
  list[29] = entry(30, 180, {
    kind: 'equipment',
    text: 'CAM-0012 offline since 11:02, IT 运维已受理。',
    links: { cameraIds: ['CAM-0012'], attachmentIds: [5] },
    attachments: [{ id: 5, name: '故障截图.png', mime: 'image/png', kind: 'image', size: 20_480, createdAt: START }],
  });
  list.push(
    entry(71, 430, {
      correctsId: 5,
      correctsRef: { id: 5, seq: 5, shiftId: 7, shiftDate: '2026-11-26', shiftCode: 'early' },
      text: '地址应为华星村 4 组。',
    }),
  );
  // A correction of an entry of the previous shift names that shift.
  list.push(
    entry(72, 440, {
      correctsId: 900,
      correctsRef: { id: 900, seq: 3, shiftId: 6, shiftDate: '2026-11-26', shiftCode: 'night' },
      text: '夜班第3条所记井盖已补装。',
    }),
  );
  return list;
}

const order = (id: number, code: string, title: string, state: 'handling' | 'parked' | 'dispatched') => ({
  id,
  code,
  title,
  state,
  deadlineAt: START - 2 * 60 * MIN,
});

function sampleReport(): HandoverReport {
  const shift = { date: '2026-11-26', code: 'day', name: '早班', startsAt: START, endsAt: START + 480 * MIN };
  const assigned = (entryId: number, text: string) => ({
    entryId,
    at: START + entryId * MIN,
    authorName: '王值班长',
    text,
  });
  return {
    title: '值班交接班报告',
    orgUnitName: '合庆镇城运中心',
    shift,
    status: 'sealed',
    roster: [
      {
        postName: '平台值班长',
        people: [{ name: '王值班长', checkedInAt: START - 5 * MIN, checkedOutAt: START + 485 * MIN }],
      },
      {
        postName: '视频监控员',
        people: [
          { name: '赵六', checkedInAt: START, checkedOutAt: null },
          { name: 'Li Na', checkedInAt: START + 3 * MIN, checkedOutAt: START + 480 * MIN },
        ],
      },
      { postName: '热线信息员', people: [{ name: '钱七', checkedInAt: null, checkedOutAt: null }] },
      { postName: '应急协调', people: [] },
    ],
    entries: entries(),
    summary: {
      generatedAt: START + 470 * MIN,
      orgUnitId: 'HQ-C',
      orgUnitName: '合庆镇城运中心',
      shift,
      orders: {
        byState: [
          { state: 'filed', count: 2 },
          { state: 'dispatched', count: 3 },
          { state: 'handling', count: 5 },
          { state: 'parked', count: 1 },
        ],
        openTotal: 11,
        overdueTotal: 2,
        overdue: [
          order(3, 'HQ20261126-0003', '川沙路 1200 弄门口垃圾满溢', 'handling'),
          order(4, 'HQ20261125-0017', '合庆路下立交积水', 'dispatched'),
        ],
        supervisedTotal: 1,
        supervised: [order(4, 'HQ20261125-0017', '合庆路下立交积水', 'dispatched')],
        parkedTotal: 1,
        parked: [order(9, 'HQ20261120-0002', '违章搭建（待区级认定）', 'parked')],
      },
      pendingAssigned: [assigned(12, '通知第一联勤站复查华星村路灯。')],
      doneAssigned: [assigned(40, '核实 CAM-0012 故障报修进度。')],
      checklist: [
        { id: 'wall', label: '视频墙巡检完成', done: true, note: '' },
        { id: 'radio', label: '对讲机电量检查', done: false, note: '2 号机电池待更换' },
      ],
      notes: '夜间关注强降水预警，防汛物资已清点。',
    },
    signatures: [
      { side: 'outgoing', userId: 2, userName: '王值班长', signedAt: START + 481 * MIN },
      { side: 'incoming', userId: 4, userName: '李值班长', signedAt: START + 483 * MIN },
    ],
    seal: {
      sealedAt: START + 483 * MIN,
      sealHash: SEAL_HASH,
      prevSealHash: '0'.repeat(64),
      entriesHash: 'ab'.repeat(32),
      seq: 12,
    },
    chainHead: {
      orgUnitId: 'HQ-C',
      shiftId: 31,
      date: '2026-11-26',
      code: 'early',
      shiftName: '早班',
      seq: 12,
      sealHash: SEAL_HASH,
    },
    printedAt: START + 490 * MIN,
    printedBy: '王值班长',
  };
}

interface Line {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** Text items of every page, and the page sizes, as pdfjs reads them. */
async function read(data: Uint8Array): Promise<{ pages: { width: number; height: number; items: Line[] }[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: data.slice(), // pdfjs takes over (detaches) the buffer it is given
    cMapUrl: CMAPS,
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const items: Line[] = [];
    for (const it of (await page.getTextContent()).items) {
      if (!('str' in it) || it.str === '') continue;
      items.push({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width });
    }
    pages.push({ width, height, items });
  }
  await doc.destroy();
  return { pages };
}

/** Every page is A4 and no text runs past the margins (cells wrap, rows break across pages). */
function expectA4WithinMargins(pages: { width: number; height: number; items: Line[] }[]): void {
  for (const p of pages) {
    expect(p.width).toBeCloseTo(A4.width, 2);
    expect(p.height).toBeCloseTo(A4.height, 2);
    for (const it of p.items) {
      expect(it.x).toBeGreaterThanOrEqual(MARGIN.left - 0.01);
      expect(it.x + it.width).toBeLessThanOrEqual(MARGIN.left + CONTENT_WIDTH + 0.01);
      expect(it.y).toBeGreaterThan(20);
      expect(it.y).toBeLessThan(A4.height - 30);
    }
  }
}

const pageText = (items: Line[]): string => items.map((i) => i.str).join('');
const squash = (s: string): string => s.replace(/\s/g, '');

describe('PDF file structure', () => {
  it('embeds a subset of Noto Sans SC, the only font, and a cross-reference table that points at its objects', () => {
    const bytes = renderHandoverPdf(sampleReport());
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    // The font program itself is in the file (TrueType outlines): no viewer has to substitute one.
    const fonts = [...text.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]);
    expect(new Set(fonts.map((f) => f?.slice(7)))).toEqual(new Set(['NotoSansSC-Regular']));
    expect(text.match(/\/FontFile2 \d+ 0 R/g)?.length).toBe(text.match(/\/Type \/FontDescriptor/g)?.length);
    expect(text).not.toContain('STSong');
    expect(text).not.toMatch(/\/Encoding \/Uni/);
    // The subset is much smaller than the 10 MB font.
    expect(bytes.length).toBeLessThan(600_000);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entriesAt = text.indexOf('\n', text.indexOf('\n', startxref) + 1) + 1;
    const size = Number(/\/Size (\d+)/.exec(text)?.[1]);
    for (let id = 1; id < size; id++) {
      const offset = Number(text.slice(entriesAt + id * 20, entriesAt + id * 20 + 10));
      expect(text.slice(offset, offset + `${id} 0 obj`.length)).toBe(`${id} 0 obj`);
    }
  });

  it('says who made it and when, read back by the parser', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: renderHandoverPdf(sampleReport()).slice(), isEvalSupported: false })
      .promise;
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    await doc.destroy();
    expect(info.Producer).toBe('合庆城运');
    expect(info.Title).toBe('值班交接班报告 合庆镇城运中心 2026-11-26 早班');
    // 2026-11-26 16:10 Shanghai, the print time.
    expect(pdfjs.PDFDateString.toDateObject(info.CreationDate as string)?.getTime()).toBe(START + 490 * MIN);
  });

  it('gives the same bytes for the same report', () => {
    expect(Buffer.from(renderHandoverPdf(sampleReport())).equals(Buffer.from(renderHandoverPdf(sampleReport())))).toBe(
      true,
    );
  });
});

describe('handover report PDF', () => {
  it('renders a sealed shift on several A4 pages that read back right', async () => {
    const report = sampleReport();
    const bytes = renderHandoverPdf(report);
    if (process.env.WRITE_SAMPLE_PDF === '1') writeFileSync('/tmp/handover-sample.pdf', bytes);
    const { pages } = await read(bytes);
    const n = pages.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expectA4WithinMargins(pages);
    pages.forEach((p, i) => expect(pageText(p.items)).toContain(`第 ${i + 1} / ${n} 页`));
    const all = pages.map((p) => pageText(p.items)).join('\n');
    const first = pageText(pages[0]!.items);
    expect(first).toContain('值班交接班报告');
    expect(first).toContain('合庆镇城运中心');
    expect(first).toContain('2026-11-26 早班（08:00 – 16:00）');
    expect(first).toContain('已封存');
    expect(first).toContain('打印时间：2026-11-26 16:10:00');
    expect(all).toContain('Li Na');
    expect(all).toContain('（空岗）');
    expect(all).toContain('华星村 3 组有人反映路灯不亮');
    expect(all).toContain('更正 第5条：地址应为华星村 4 组。');
    expect(all).toContain('已被 第71条 更正');
    expect(all).toContain('更正 11-26 夜班 第3条：夜班第3条所记井盖已补装。');
    expect(all).toContain('关联工单 #3');
    expect(all).toContain('系统记录');
    expect(all).toContain('附件 故障截图.png');
    expect(squash(all)).toContain(squash(LONG_TEXT.slice(0, 60)));
    expect(all).toContain('处置中');
    expect(all).toContain('待派遣');
    expect(all).toContain('HQ20261126-0003');
    expect(all).toContain('川沙路 1200 弄门口垃圾满溢');
    expect(all).toContain('本班已办结交办事项');
    expect(all).toContain('2 号机电池待更换');
    expect(all).toContain('李值班长');
    expect(squash(all)).toContain(SEAL_HASH);
    expect(all).toContain('第 12 号');
    // The chain head anchors the ledger on paper: unit, seal number, shift, first 16 hex.
    expect(squash(all)).toContain(`台账链头合庆镇城运中心第12号封存2026-11-26早班${SEAL_HASH.slice(0, 16)}`);
    expect(all).not.toContain('应急状态'); // the summary has no incident part on this hub
    expect(all).not.toContain('离线摄像头');
  });

  it('shows incident and offline cameras when the summary has them', async () => {
    const report = sampleReport();
    report.summary = {
      ...report.summary!,
      incident: { id: 2, name: '强降水防汛', level: 'Ⅳ级' },
      camerasOffline: [{ id: 'CAM-0012', name: '合庆路东' }],
    };
    const all = (await read(renderHandoverPdf(report))).pages.map((p) => pageText(p.items)).join('\n');
    expect(all).toContain('应急状态');
    expect(all).toContain('强降水防汛');
    expect(all).toContain('离线摄像头（1 路）');
  });

  it('breaks an entry longer than a page across pages without losing a character', async () => {
    const text = '鑫港路排水泵站检查 OK。'.repeat(300); // 4,200 characters, more than DUTY_LOG_TEXT_MAX
    const report: HandoverReport = { ...sampleReport(), entries: [entry(1, 10, { text }), entry(2, 20)] };
    const bytes = renderHandoverPdf(report);
    if (process.env.WRITE_SAMPLE_PDF === '1') writeFileSync('/tmp/handover-sample-long.pdf', bytes);
    const { pages } = await read(bytes);
    expectA4WithinMargins(pages);
    const all = pages.map((p) => pageText(p.items)).join('');
    expect(all.split('鑫').length - 1).toBe(300);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(all).toContain('第 2 条：巡查合庆路沿线');
  });

  it('keeps codes and times whole and a character outside GBK (䶮, 㐀) as written', async () => {
    const report = sampleReport();
    report.roster = [{ postName: '平台值班长', people: [{ name: '刘䶮', checkedInAt: START, checkedOutAt: null }] }];
    report.entries = [entry(1, 10, { text: '㐀字路口：工单 HQ20261202-0002 于 14:05 派遣。' })];
    const pages = await pdfPageItems(renderHandoverPdf(report));
    const items = pages.flatMap((p) => p.items.map((i) => i.str));
    // One text item each: no gap inside a code, a time or a name that a viewer could show.
    expect(items.some((s) => s.includes('HQ20261202-0002'))).toBe(true);
    expect(items.some((s) => s.includes('14:05'))).toBe(true);
    expect(items).toContain('刘䶮');
    const all = items.join('');
    expect(all).toContain('㐀字路口：工单 HQ20261202-0002 于 14:05 派遣。');
    expect(all).toContain('一、值班人员');
    expect(all).toContain('二、值班日志（共 1 条）');
    expect(all).toContain('HQ20261126-0003'); // the summary's order table has its content
  });

  it('labels a night shift that runs past midnight', () => {
    const start = Date.UTC(2026, 10, 26, 12, 0, 0); // 20:00 Shanghai
    expect(shiftLabel({ date: '2026-11-26', name: '夜班', startsAt: start, endsAt: start + 720 * MIN })).toBe(
      '2026-11-26 夜班（20:00 – 11-27 08:00）',
    );
  });

  it('renders a shift not handed over yet: no summary, blanks to sign, not sealed', async () => {
    const report: HandoverReport = {
      ...sampleReport(),
      status: 'open',
      entries: [],
      roster: [],
      summary: null,
      signatures: [],
      seal: null,
    };
    const bytes = renderHandoverPdf(report);
    if (process.env.WRITE_SAMPLE_PDF === '1') writeFileSync('/tmp/handover-sample-open.pdf', bytes);
    const { pages } = await read(bytes);
    expect(pages).toHaveLength(1);
    const all = pageText(pages[0]!.items);
    expect(all).toContain('未交接');
    expect(all).toContain('本班无值班日志');
    expect(all).not.toContain('交接摘要');
    expect(all).toContain('三、签名');
    expect(all).toContain('交班值班长（签字）');
    expect(all).toContain('本班尚未封存');
    expect(squash(all)).toContain(`台账链头合庆镇城运中心第12号封存2026-11-26早班${SEAL_HASH.slice(0, 16)}`);
    expect(all).toContain('第 1 / 1 页');
  });
});
