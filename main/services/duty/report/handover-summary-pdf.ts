/**
 * The 交接摘要 section of the handover report: the frozen summary as the two chiefs signed it.
 * Parts for features this hub does not have (incident mode, the camera registry) are absent from
 * the summary, and then absent from the paper too — "none" would claim something nobody checked.
 */
import type { HandoverOrder, HandoverSummary, PendingAssigned } from '../../../../common/contract/duty-handover';
import { ORDER_STATE_NAMES } from '../../../../common/domain/orders/states';
import { hasGlyph, type Column, type Flow } from '../../reports/pdf';
import { assignedCells, chineseNumber, dateMinute, dateTime, orderCells } from './report-format';

const BODY = { size: 10 } as const;
const NOTE = { size: 9, gray: 0.35 } as const;

const ORDER_COLUMNS: readonly Column[] = [
  { header: '工单编号', weight: 2.2 },
  { header: '标题', weight: 4.6 },
  { header: '状态', weight: 1.3 },
  { header: '办理期限', weight: 2 },
];

const ASSIGNED_COLUMNS: readonly Column[] = [
  { header: '编号', weight: 0.9 },
  { header: '交办时间', weight: 2 },
  { header: '交办人', weight: 1.4 },
  { header: '内容', weight: 6 },
];

/** Check marks if the font has them, else words (Noto Sans SC has neither ☑ nor ☐). */
const DONE_MARKS = hasGlyph('☑') && hasGlyph('☐') ? (['☑', '☐'] as const) : (['是', '否'] as const);

/** The summary's sub-sections, numbered （一）（二）… as they appear. */
class Parts {
  private n = 0;
  constructor(private readonly flow: Flow) {}

  heading(text: string): void {
    this.n += 1;
    this.flow.heading(`（${chineseNumber(this.n)}）${text}`, 10.5);
  }
}

function orderList(flow: Flow, parts: Parts, name: string, total: number, list: readonly HandoverOrder[]): void {
  parts.heading(`${name}（${total} 件）`);
  if (total === 0) {
    flow.paragraph('无', BODY);
    return;
  }
  flow.table(ORDER_COLUMNS, list.map(orderCells));
  if (list.length < total) flow.paragraph(`仅列出前 ${list.length} 件，共 ${total} 件。`, NOTE);
}

function assignedList(flow: Flow, parts: Parts, name: string, list: readonly PendingAssigned[]): void {
  parts.heading(`${name}（${list.length} 项）`);
  if (list.length === 0) flow.paragraph('无', BODY);
  else flow.table(ASSIGNED_COLUMNS, list.map(assignedCells));
}

export function summarySection(flow: Flow, summary: HandoverSummary): void {
  const parts = new Parts(flow);
  const { orders } = summary;

  parts.heading(`在办工单（共 ${orders.openTotal} 件）`);
  if (orders.byState.length === 0) {
    flow.paragraph('无在办工单', BODY);
  } else {
    // One column per state plus the total: the counts read across like the console's status bar.
    const columns: Column[] = orders.byState.map((s) => ({ header: ORDER_STATE_NAMES[s.state].zh, weight: 1 }));
    columns.push({ header: '合计', weight: 1 });
    flow.table(columns, [[...orders.byState.map((s) => String(s.count)), String(orders.openTotal)]]);
  }
  flow.space(3);
  flow.paragraph(
    `其中超期 ${orders.overdueTotal} 件，督办 ${orders.supervisedTotal} 件，挂账 ${orders.parkedTotal} 件。`,
    BODY,
  );

  orderList(flow, parts, '超期工单', orders.overdueTotal, orders.overdue);
  orderList(flow, parts, '督办工单', orders.supervisedTotal, orders.supervised);
  orderList(flow, parts, '挂账工单', orders.parkedTotal, orders.parked);

  if (summary.incident !== undefined) {
    parts.heading('应急状态');
    const incident = summary.incident;
    flow.paragraph(
      incident === null
        ? '无进行中的应急事件（平急融合处于平时状态）。'
        : typeof incident.closedAt === 'number'
          ? `本班已结束：${incident.name}（级别：${incident.level}，事件 #${incident.id}，${dateMinute(incident.closedAt)} 结束）`
          : `进行中：${incident.name}（级别：${incident.level}，事件 #${incident.id}${incident.startedAt === undefined ? '' : `，${dateMinute(incident.startedAt)} 启动`}）`,
      BODY,
    );
  }

  if (summary.camerasOffline !== undefined) {
    const cameras = summary.camerasOffline;
    parts.heading(`离线摄像头（${cameras.length} 路）`);
    if (cameras.length === 0) flow.paragraph('无', BODY);
    else
      flow.table(
        [
          { header: '编号', weight: 1 },
          { header: '名称', weight: 3 },
        ],
        cameras.map((c) => [c.id, c.name]),
      );
  }

  assignedList(flow, parts, '待办交办事项', summary.pendingAssigned);
  assignedList(flow, parts, '本班已办结交办事项', summary.doneAssigned);

  parts.heading('交接检查');
  if (summary.checklist.length === 0) flow.paragraph('无检查项', BODY);
  else
    flow.table(
      [
        { header: '检查项', weight: 4 },
        { header: '完成', weight: 0.8 },
        { header: '备注', weight: 4 },
      ],
      summary.checklist.map((c) => [c.label, c.done ? DONE_MARKS[0] : DONE_MARKS[1], c.note]),
    );

  parts.heading('交接备注');
  flow.paragraph(summary.notes.trim() || '无', BODY);
  flow.space(4);
  flow.paragraph(`摘要生成时间：${dateTime(summary.generatedAt)}（交接开始时冻结，封存内容以此为准）`, NOTE);
}
