import type { AuditDetail, DutyPatternDto } from '../../../common/contract';
import { DUTY_LOG_KIND_NAMES, type DutyLogKind } from '../../../common/contract/duty-log';
import { ORDER_STATE_NAMES, URGENCY_NAMES, type OrderState, type Urgency } from '../../../common/domain/orders/states';
import { ROLE_NAMES, type Role } from '../../../common/domain/roles';
import type { Db } from '../../db/connection';
import { dutyShiftRef } from '../duty/duty-refs';
import { auditDetail, dutyNames } from './detail';

/**
 * The audit rows' words for the calls that name codes: each returns the Chinese
 * fallback text (stored as `summary`, searched by the text filter, shown for unknown keys) and the
 * detail the console renders in its language. One place, so handlers set both with one line.
 */
export interface AuditWords {
  summary: string;
  detail: AuditDetail;
}

const zhDate = (date: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
};

export function orderCreateWords(
  c: { code: string },
  input: { title: string; categoryId: string; urgency: Urgency },
  categoryName: string | undefined,
): AuditWords {
  return {
    summary: `受理工单 ${c.code}「${input.title}」（${categoryName ?? input.categoryId}，${URGENCY_NAMES[input.urgency].zh}）`,
    detail: auditDetail('order.create', {
      code: c.code,
      title: input.title,
      category: input.categoryId,
      urgency: input.urgency,
    }),
  };
}

export function orderActWords(action: string, state: OrderState, reason: string | undefined): AuditWords {
  const note = reason ? reason.slice(0, 80) : undefined;
  return {
    summary: `${action} → ${ORDER_STATE_NAMES[state].zh}${note ? `：${note}` : ''}`,
    detail: auditDetail('order.act', { action, state, note }),
  };
}

type RosterKey = 'roster.assign' | 'roster.unassign' | 'roster.checkIn' | 'roster.checkOut';
const ROSTER_VERBS: Record<RosterKey, string> = {
  'roster.assign': '排班',
  'roster.unassign': '撤销排班',
  'roster.checkIn': '签到',
  'roster.checkOut': '签退',
};

/** 排班 / 撤销排班 / 签到 / 签退 of one person on one post of one shift. */
export function rosterWords(
  key: RosterKey,
  pattern: Pick<DutyPatternDto, 'shifts' | 'posts'>,
  unitName: string | undefined,
  r: { orgUnitId: string; date: string; shiftCode: string; postCode: string; userName?: string },
): AuditWords {
  const { shift, post } = dutyNames(pattern, r.shiftCode, r.postCode);
  const who = r.userName === undefined ? '' : `：${r.userName}`;
  return {
    summary: `${ROSTER_VERBS[key]} ${unitName ?? r.orgUnitId} ${zhDate(r.date)} ${shift.zh} ${post?.zh ?? ''}${who}`,
    detail: auditDetail(key, {
      unit: r.orgUnitId,
      date: r.date,
      shift,
      post: post ?? null,
      user: r.userName,
    }),
  };
}

export function rosterCopyWords(
  unitId: string,
  unitName: string | undefined,
  fromMonday: string,
  weeks: number,
  created: number,
): AuditWords {
  return {
    summary: `复制 ${unitName ?? unitId} ${zhDate(fromMonday)} 一周排班到此后 ${weeks} 周（${created} 条）`,
    detail: auditDetail('roster.copyWeek', { unit: unitId, date: fromMonday, weeks, created }),
  };
}

export function userCreateWords(
  input: { username: string; displayName: string; roles: readonly Role[]; orgUnitId: string },
  unitName: string | undefined,
): AuditWords {
  return {
    summary: `新建用户 ${input.displayName}（${input.username}，${input.roles.map((r) => ROLE_NAMES[r].zh).join('、')}，${unitName ?? input.orgUnitId}）`,
    detail: auditDetail('user.create', {
      name: input.displayName,
      username: input.username,
      roles: [...input.roles],
      unit: input.orgUnitId,
    }),
  };
}

export function userUpdateWords(
  fields: { displayName?: string | undefined; roles?: readonly Role[] | undefined; orgUnitId?: string | undefined },
  unitName: string | undefined,
): AuditWords {
  const parts = [
    fields.displayName !== undefined ? `姓名=${fields.displayName}` : '',
    fields.roles ? `角色=${fields.roles.map((r) => ROLE_NAMES[r].zh).join('、')}` : '',
    fields.orgUnitId !== undefined ? `单位=${unitName ?? fields.orgUnitId}` : '',
  ].filter(Boolean);
  return {
    summary: `修改用户 ${parts.join('；') || '（无变化）'}`,
    detail: auditDetail('user.update', {
      name: fields.displayName,
      roles: fields.roles ? [...fields.roles] : undefined,
      unit: fields.orgUnitId,
    }),
  };
}

export function languageWords(language: string): AuditWords {
  return {
    summary: `界面语言：${language === 'en' ? '英文' : '中文'}`,
    detail: auditDetail('auth.language', { language }),
  };
}

/** A duty log entry, named by its shift (date and name) rather than the shift's row id. */
export function dutyLogWords(
  db: Db,
  patternOf: (orgUnitId: string) => Pick<DutyPatternDto, 'shifts' | 'posts'>,
  entry: { shiftId: number; kind: DutyLogKind; correctsId: number | null; text: string },
): AuditWords {
  const shift = dutyShiftRef(db, entry.shiftId);
  const names = shift ? dutyNames(patternOf(shift.orgUnitId), shift.code).shift : null;
  const text = entry.text.slice(0, 80);
  const what = entry.correctsId === null ? DUTY_LOG_KIND_NAMES[entry.kind].zh : `更正记录 ${entry.correctsId}`;
  const where = shift && names ? `${zhDate(shift.date)} ${names.zh}` : `班次 ${entry.shiftId}`;
  return {
    summary: `值班日志（${where}）${what}：${text}`,
    detail: auditDetail('duty.logEntry', {
      date: shift?.date ?? null,
      shift: names,
      kind: entry.kind,
      corrects: entry.correctsId,
      note: text,
    }),
  };
}

type HandoverKey = 'handover.start' | 'handover.cancel';
type Pattern = Pick<DutyPatternDto, 'shifts' | 'posts'>;

export function handoverWords(key: HandoverKey, pattern: Pattern, shift: { date: string; code: string }): AuditWords {
  const names = dutyNames(pattern, shift.code).shift;
  const zh = key === 'handover.start' ? '开始交接班' : '取消交接班';
  const tail = key === 'handover.start' ? '（摘要已冻结）' : '（签名作废，日志重新开放）';
  return {
    summary: `${zh}：${zhDate(shift.date)} ${names.zh}${tail}`,
    detail: auditDetail(key, { date: shift.date, shift: names }),
  };
}

export function handoverSignWords(
  side: 'outgoing' | 'incoming',
  signer: string,
  pattern: Pattern,
  shift: { date: string; code: string },
  sealHash: string | null,
): AuditWords {
  const names = dutyNames(pattern, shift.code).shift;
  const sideZh = side === 'outgoing' ? '交班' : '接班';
  const seal = sealHash === null ? undefined : sealHash.slice(0, 16);
  return {
    summary: seal
      ? `${sideZh}签名：${signer}；班次 ${zhDate(shift.date)} ${names.zh} 已封存（${seal}…）`
      : `${sideZh}签名：${signer}（${zhDate(shift.date)} ${names.zh}）`,
    detail: auditDetail(seal ? 'handover.sealed' : 'handover.sign', {
      side,
      signer,
      date: shift.date,
      shift: names,
      seal,
    }),
  };
}

/** A signature not yet given (the words a failed attempt keeps): which side, and who tried to sign. */
export function handoverSignAttemptWords(side: 'outgoing' | 'incoming', username: string): AuditWords {
  return {
    summary: `交接班签名（${side === 'outgoing' ? '交班' : '接班'}）：${username}`,
    detail: auditDetail('handover.signAttempt', { side, signer: username }),
  };
}

export function slaLimitWords(
  input: { categoryId: string; urgency: Urgency; minutes: number; mode: 'natural' | 'working' },
  categoryName: string | undefined,
): AuditWords {
  const mode = input.mode === 'natural' ? '自然时间' : '工作时间';
  const category = input.categoryId === '*' ? '默认' : (categoryName ?? input.categoryId);
  return {
    summary: `处置时限 ${category}·${URGENCY_NAMES[input.urgency].zh} = ${input.minutes} 分钟（${mode}）`,
    detail: auditDetail('sla.limit', {
      category: input.categoryId === '*' ? null : input.categoryId,
      urgency: input.urgency,
      minutes: input.minutes,
      mode: input.mode,
    }),
  };
}

const DAY_KIND_ZH = { holiday: '节假日', workday: '调休上班', normal: '按周一至周五' } as const;
export function slaCalendarWords(date: string, kind: keyof typeof DAY_KIND_ZH, name: string | undefined): AuditWords {
  return {
    summary: `工作日历 ${zhDate(date)} → ${DAY_KIND_ZH[kind]}${name ? `（${name}）` : ''}`,
    detail: auditDetail('sla.calendar', { date, dayKind: kind, name }),
  };
}
