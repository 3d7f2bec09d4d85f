/**
 * How the handover report writes times, orders and log entries. Every time is Asia/Shanghai,
 * whatever zone the hub's machine runs in.
 */
import type { HandoverOrder, PendingAssigned } from '../../../../common/contract/duty-handover';
import { DUTY_LOG_KIND_NAMES, type DutyLogEntry } from '../../../../common/contract/duty-log';
import { ORDER_STATE_NAMES } from '../../../../common/domain/orders/states';
import { formatShanghai } from '../../../../common/domain/time';
import { entryRefLabel } from '../../../../common/domain/duty/entry-ref';

/** `YYYY-MM-DD HH:mm:ss`. */
export function dateTime(ms: number): string {
  return formatShanghai(ms);
}

/** `YYYY-MM-DD HH:mm`. */
export function dateMinute(ms: number): string {
  return formatShanghai(ms).slice(0, 16);
}

/** `HH:mm` on the shift's own date, `MM-DD HH:mm` on any other (a night shift runs past midnight). */
export function clockOn(ms: number, date: string): string {
  const s = formatShanghai(ms);
  return s.startsWith(date) ? s.slice(11, 16) : s.slice(5, 16);
}

export interface ShiftLike {
  date: string;
  name: string;
  startsAt: number;
  endsAt: number;
}

/** "2026-11-26 早班（08:00 – 16:00）"; a night shift ends "11-27 08:00". */
export function shiftLabel(shift: ShiftLike): string {
  return `${shift.date} ${shift.name}（${clockOn(shift.startsAt, shift.date)} – ${clockOn(shift.endsAt, shift.date)}）`;
}

export const STATUS_NAMES = {
  open: '未交接',
  handover: '交接中（未封存）',
  sealed: '已封存',
} as const;

/** Cells of an order row: 工单编号, 标题, 状态, 办理期限. */
export function orderCells(o: HandoverOrder): string[] {
  return [o.code, o.title, ORDER_STATE_NAMES[o.state].zh, o.deadlineAt === null ? '—' : dateMinute(o.deadlineAt)];
}

/** Cells of a 交办事项 row: 编号, 交办时间, 交办人, 内容. */
export function assignedCells(a: PendingAssigned): string[] {
  // Summaries frozen before entries were numbered per shift name the entry by its id, as they did.
  return [a.ref ? entryRefLabel(a.ref, null) : `#${a.entryId}`, dateMinute(a.at), a.authorName, a.text];
}

/** Who wrote an entry: 系统 for the entries the hub logs by itself. */
export function entryAuthor(e: DutyLogEntry): string {
  return e.kind === 'system' ? '系统' : e.authorName;
}

export function entryKind(e: DutyLogEntry): string {
  return DUTY_LOG_KIND_NAMES[e.kind].zh;
}

/**
 * The content cell of a log entry: a correction says which entry it corrects, a corrected entry
 * says by which (the log is append-only, so both stay in the report), and links are named last.
 */
export function entryContent(e: DutyLogEntry): string {
  const head = e.correctsRef === null ? '' : `更正 ${entryRefLabel(e.correctsRef, e.shiftId)}：`;
  const notes: string[] = [];
  const links = e.links;
  // Order codes where the order exists (what people quote), its id otherwise.
  if (links?.orderIds?.length) {
    const codes = links.orderIds.map((id) => e.orders.find((o) => o.id === id)?.code ?? `#${id}`);
    notes.push(`关联工单 ${codes.join('、')}`);
  }
  if (links?.cameraIds?.length) {
    const names = links.cameraIds.map((id) => e.cameras.find((c) => c.id === id)?.name ?? id);
    notes.push(`关联摄像头 ${names.join('、')}`);
  }
  if (links?.incidentId !== undefined) notes.push(`关联应急事件 #${links.incidentId}`);
  // Paper cannot show the files themselves; their names say what to look up in the console.
  if (e.attachments.length > 0) notes.push(`附件 ${e.attachments.map((a) => a.name).join('、')}`);
  if (e.correctedByRefs.length > 0) {
    notes.push(`已被 ${e.correctedByRefs.map((r) => entryRefLabel(r, e.shiftId)).join('、')} 更正`);
  }
  return `${head}${e.text}${notes.length > 0 ? `\n【${notes.join('；')}】` : ''}`;
}

export { chineseNumber } from '../../reports/pdf';
