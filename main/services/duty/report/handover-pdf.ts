/**
 * The printable handover report (交接班报告): an A4 PDF in Chinese that the hub generates from a
 * `HandoverReport`, written with the reports' PDF writer (pdfkit, Noto Sans SC embedded as a subset;
 * see main/services/reports/pdf), so it looks the same on every PC and every character survives.
 *
 * Sections: the shift and its status; 值班人员; 值班日志; 交接摘要 (once the handover has started);
 * 签名 (electronic signatures, or blanks to sign on paper); 封存 (the hashes that tie the paper to
 * the sealed ledger). Every page carries the report, unit and shift at the top and the print time,
 * printer and "第 n / N 页" at the bottom, so a loose page still says where it belongs.
 */
import type { HandoverReport, HandoverSignature } from '../../../../common/contract/duty-handover';
import { Flow, NumberedSections, decorateReportPage, type PageFrame } from '../../reports/pdf';
import { summarySection } from './handover-summary-pdf';
import {
  STATUS_NAMES,
  clockOn,
  dateMinute,
  dateTime,
  entryAuthor,
  entryContent,
  entryKind,
  shiftLabel,
} from './report-format';

const BODY = { size: 10 } as const;
const NOTE = { size: 9, gray: 0.35 } as const;
/** An ideographic space: the gap between parts of one line in Chinese typesetting. */
const GAP = '\u3000';
const SIDE_NAMES = { outgoing: '交班值班长', incoming: '接班值班长' } as const;

function titleBlock(flow: Flow, r: HandoverReport): void {
  flow.line(r.title, { size: 18, bold: true }, 'center');
  flow.space(4);
  flow.line(`${r.orgUnitName}${GAP}${shiftLabel(r.shift)}`, { size: 11 }, 'center');
  flow.space(10);
  flow.table(
    [
      { header: '', weight: 1.2 },
      { header: '', weight: 3 },
      { header: '', weight: 1.2 },
      { header: '', weight: 3 },
    ],
    [
      ['值班单位', r.orgUnitName, '班次', `${r.shift.date} ${r.shift.name}`],
      [
        '起止时间',
        `${dateMinute(r.shift.startsAt)} 至 ${clockOn(r.shift.endsAt, r.shift.date)}`,
        '交接状态',
        STATUS_NAMES[r.status],
      ],
    ],
    { header: false, labelColumns: [0, 2], size: 9.5 },
  );
}

function rosterSection(flow: Flow, r: HandoverReport): void {
  const rows: string[][] = [];
  const at = (ms: number | null): string => (ms === null ? '—' : clockOn(ms, r.shift.date));
  for (const post of r.roster) {
    if (post.people.length === 0) rows.push([post.postName, '（空岗）', '—', '—']);
    for (const p of post.people) rows.push([post.postName, p.name, at(p.checkedInAt), at(p.checkedOutAt)]);
  }
  if (rows.length === 0) {
    flow.paragraph('本班无排班记录。', BODY);
    return;
  }
  flow.table(
    [
      { header: '岗位', weight: 3 },
      { header: '人员', weight: 2.5 },
      { header: '签到', weight: 1.5 },
      { header: '签退', weight: 1.5 },
    ],
    rows,
  );
}

function logSection(flow: Flow, r: HandoverReport): void {
  if (r.entries.length === 0) {
    flow.paragraph('本班无值班日志。', BODY);
    return;
  }
  flow.table(
    [
      { header: '编号', weight: 0.75 },
      { header: '时间', weight: 1.05 },
      { header: '类型', weight: 1.15 },
      { header: '记录人', weight: 1.2 },
      { header: '内容', weight: 6.2 },
    ],
    r.entries.map((e) => [String(e.seq), clockOn(e.at, r.shift.date), entryKind(e), entryAuthor(e), entryContent(e)]),
  );
  flow.space(3);
  flow.paragraph('值班日志只增不改：更正以新记录写入，并注明所更正的记录编号。', NOTE);
}

function signatureSection(flow: Flow, signatures: readonly HandoverSignature[]): void {
  for (const side of ['outgoing', 'incoming'] as const) {
    const sig = signatures.find((s) => s.side === side);
    if (sig) {
      flow.fields([
        { label: SIDE_NAMES[side], value: sig.userName },
        { label: '签名时间', value: `${dateTime(sig.signedAt)}（已在系统中凭密码签名）` },
      ]);
    } else {
      flow.fields([
        { label: `${SIDE_NAMES[side]}（签字）`, value: null, blankWidth: 150 },
        { label: '签字时间', value: null, blankWidth: 130 },
      ]);
    }
  }
}

/** `第 12 号封存  2026-11-26 早班  3f9a…(16 hex)`: the unit's newest seal when printed. */
export function chainHeadLine(r: HandoverReport): string {
  const head = r.chainHead;
  if (!head) return '本单位尚无编号封存';
  return `${r.orgUnitName}${GAP}第 ${head.seq} 号封存${GAP}${head.date} ${head.shiftName ?? head.code}${GAP}${head.sealHash.slice(0, 16)}`;
}

function sealSection(flow: Flow, r: HandoverReport): void {
  const seal = r.seal;
  const columns = [
    { header: '', weight: 1.4 },
    { header: '', weight: 6 },
  ];
  const options = { header: false, labelColumns: [0], size: 9 };
  if (!seal) {
    flow.paragraph(
      r.status === 'handover' ? '交接进行中，双方签名后封存。本报告不是封存后的正式台账。' : '本班尚未封存。',
      BODY,
    );
  } else {
    flow.table(
      columns,
      [
        ['封存时间', dateTime(seal.sealedAt)],
        ...(seal.seq ? [['封存编号', `第 ${seal.seq} 号`]] : []),
        ['封存哈希', seal.sealHash],
        ['上一封存哈希', seal.prevSealHash],
        ['日志哈希', seal.entriesHash],
      ],
      options,
    );
  }
  flow.space(3);
  flow.table(columns, [['台账链头', chainHeadLine(r)]], options);
  flow.space(3);
  flow.paragraph(
    '封存哈希由本中心密钥生成，与系统台账逐班相连。台账链头是打印时本单位最新的封存：' +
      '用“台账校验”或 verify-ledger 核对链头不早于最近一份纸质报告上的链头，即可发现末尾封存被删除。',
    NOTE,
  );
}

/** Header and footer of every page, in the margins. */
function decorate(r: HandoverReport, frame: PageFrame): void {
  decorateReportPage(
    frame,
    { title: r.title, subject: `${r.orgUnitName}${GAP}${r.shift.date} ${r.shift.name}${GAP}${STATUS_NAMES[r.status]}` },
    `打印时间：${dateTime(r.printedAt)}${GAP}打印人：${r.printedBy}`,
  );
}

/** The report as PDF bytes. */
export function renderHandoverPdf(report: HandoverReport): Uint8Array {
  const flow = new Flow();
  const sections = new NumberedSections(flow);
  titleBlock(flow, report);

  sections.heading('值班人员');
  rosterSection(flow, report);
  sections.heading(`值班日志（共 ${report.entries.length} 条）`);
  logSection(flow, report);
  if (report.summary) {
    sections.heading('交接摘要');
    summarySection(flow, report.summary);
  }
  sections.heading('签名');
  signatureSection(flow, report.signatures);
  sections.heading('封存');
  sealSection(flow, report);

  return flow.finish((frame) => decorate(report, frame), {
    title: `${report.title} ${report.orgUnitName} ${report.shift.date} ${report.shift.name}`,
    author: report.printedBy,
    subject: '值班交接班报告',
    creationDate: new Date(report.printedAt),
  });
}
