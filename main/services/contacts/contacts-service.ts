import {
  apiError,
  CONTACT_SEARCH_LIMIT,
  type ApiError,
  type Contact,
  type ContactSave,
} from '../../../common/contract';
import { digitsOf, isPhoneNumber, looksLikePhone } from '../../../common/domain/contacts';
import type { Clock } from '../../clock';
import type { ContactFields, ContactRow, ContactsRepo } from './contacts-repo';

/** One failing field, named in both languages (the renderer puts it under the form field). */
export interface ContactFieldError {
  field: string;
  zh: string;
  en: string;
}

function invalid(errors: readonly ContactFieldError[]): ApiError {
  const first = errors[0];
  return apiError('E_INVALID', first?.zh ?? '输入无效', first?.en ?? 'Invalid input', { errors });
}

export function contactNotFound(id: number): ApiError {
  return apiError('E_NOT_FOUND', `通讯录中没有编号 ${id} 的条目`, `No contact #${id}`);
}

export function contactDto(row: ContactRow): Contact {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    parentId: row.parentId,
    parentName: row.parentName,
    title: row.title,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    phone: row.phone,
    mobile: row.mobile,
    note: row.note,
    userId: row.userId,
    userName: row.userName,
    consoleReachable: row.userId !== null && row.userDisabled === 0,
    seeded: row.seedKey !== null,
    updatedAt: row.updatedAt,
  };
}

/** Departments in their order, each followed by its people; people outside a department last. */
function listOrder(a: ContactRow, b: ContactRow): number {
  const group = (r: ContactRow): [number, number, number] =>
    r.kind === 'department'
      ? [r.sort, r.id, 0]
      : r.parentId !== null
        ? [r.parentSort ?? 0, r.parentId, 1]
        : [Number.MAX_SAFE_INTEGER, 0, 1];
  const ga = group(a);
  const gb = group(b);
  for (let i = 0; i < 3; i++) {
    const d = (ga[i] ?? 0) - (gb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.sort - b.sort || a.id - b.id;
}

function matches(row: ContactRow, term: string): boolean {
  const text = [row.name, row.title, row.parentName, row.orgUnitName, row.note, row.userName, row.phone, row.mobile]
    .filter((v): v is string => v !== null)
    .join('\n')
    .toLowerCase();
  if (text.includes(term)) return true;
  // Numbers match whatever separators either side was written with.
  if (!looksLikePhone(term)) return false;
  const digits = digitsOf(term);
  return [row.phone, row.mobile].some((p) => p !== null && digitsOf(p).includes(digits));
}

const blankToNull = (v: string | null | undefined): string | null => (v ? v : null);

/**
 * The 通讯录: departments and people to call in an incident. Every signed-in
 * user reads it; administrators change it. Writes are plain calls the handler runs inside the
 * call's transaction with its audit row.
 */
export class ContactsService {
  constructor(
    private readonly repo: ContactsRepo,
    private readonly clock: Clock,
  ) {}

  search(q: { text?: string | undefined; orgUnitId?: string | undefined; kind?: Contact['kind'] | undefined }): {
    rows: Contact[];
    total: number;
  } {
    const terms = (q.text ?? '').toLowerCase().split(/\s+/u).filter(Boolean);
    const units = q.orgUnitId === undefined ? null : new Set([q.orgUnitId, ...this.repo.childUnits(q.orgUnitId)]);
    const found = this.repo
      .live()
      .filter((r) => q.kind === undefined || r.kind === q.kind)
      .filter(
        (r) =>
          units === null ||
          (r.orgUnitId !== null && units.has(r.orgUnitId)) ||
          (r.orgUnitId === null && r.parentOrgUnitId !== null && units.has(r.parentOrgUnitId)),
      )
      .filter((r) => terms.every((t) => matches(r, t)))
      .sort(listOrder);
    return { rows: found.slice(0, CONTACT_SEARCH_LIMIT).map(contactDto), total: found.length };
  }

  /** A live contact, or E_NOT_FOUND. */
  get(id: number): ContactRow {
    const row = this.repo.byId(id);
    if (!row || row.deletedAt !== null) throw contactNotFound(id);
    return row;
  }

  save(input: ContactSave): { contact: Contact; before: ContactRow | undefined } {
    const before = input.id === undefined ? undefined : this.get(input.id);
    const fields: ContactFields = {
      kind: input.kind,
      name: input.name,
      parentId: input.parentId ?? null,
      title: blankToNull(input.title),
      orgUnitId: input.orgUnitId ?? null,
      phone: blankToNull(input.phone),
      mobile: blankToNull(input.mobile),
      note: blankToNull(input.note),
      userId: input.userId ?? null,
    };
    this.check(fields, before);
    const now = this.clock();
    let id: number;
    if (before) {
      id = before.id;
      this.repo.update(id, fields, now);
    } else {
      id = this.repo.insert(fields, now);
    }
    return { contact: contactDto(this.get(id)), before };
  }

  /** Hides the contact from the 通讯录; notifications that name it keep its name. */
  delete(id: number): ContactRow {
    const row = this.get(id);
    const people = row.kind === 'department' ? this.repo.liveChildren(id) : 0;
    if (people > 0) {
      throw apiError(
        'E_CONFLICT',
        `“${row.name}”下还有 ${people} 人，请先删除或移到其他部门`,
        `"${row.name}" still has ${people} people; delete them or move them to another department first`,
      );
    }
    this.repo.markDeleted(id, this.clock());
    return row;
  }

  private check(f: ContactFields, before: ContactRow | undefined): void {
    const errors: ContactFieldError[] = [];
    if (before && before.kind !== f.kind) {
      errors.push({
        field: 'kind',
        zh: '类型保存后不能更改，请新建条目',
        en: 'The kind cannot change once saved; add a new entry',
      });
    }
    if (f.kind === 'department' && f.parentId !== null) {
      errors.push({ field: 'parentId', zh: '部门不能隶属于其他部门', en: 'A department has no parent department' });
    }
    if (f.kind === 'department' && f.userId !== null) {
      errors.push({ field: 'userId', zh: '只有个人可以关联平台用户', en: 'Only a person can be a console user' });
    }
    if (f.kind === 'person' && f.parentId !== null) {
      const parent = this.repo.byId(f.parentId);
      if (!parent || parent.deletedAt !== null || parent.kind !== 'department' || parent.id === before?.id) {
        errors.push({
          field: 'parentId',
          zh: `所属部门 #${f.parentId} 不存在`,
          en: `There is no department #${f.parentId}`,
        });
      }
    }
    if (f.orgUnitId !== null && !this.repo.orgUnitExists(f.orgUnitId)) {
      errors.push({ field: 'orgUnitId', zh: '所属组织不存在', en: 'There is no such org unit' });
    }
    for (const field of ['phone', 'mobile'] as const) {
      const value = f[field];
      if (value !== null && !isPhoneNumber(value)) {
        errors.push({
          field,
          zh: `“${value}”不是电话号码（数字，可含空格、-、括号、+ 和 转/分机）`,
          en: `"${value}" is not a telephone number (digits with spaces, -, brackets, + and an extension)`,
        });
      }
    }
    if (f.kind === 'person' && f.userId !== null && !this.repo.userExists(f.userId)) {
      errors.push({ field: 'userId', zh: '所选平台用户不存在', en: 'There is no such console user' });
    }
    if (errors.length > 0) throw invalid(errors);
    if (f.userId !== null) {
      const holder = this.repo.byUser(f.userId);
      if (holder && holder.id !== before?.id) {
        throw apiError(
          'E_CONFLICT',
          `该平台用户已关联通讯录条目“${holder.name}”`,
          `That console user is already the contact "${holder.name}"`,
          { errors: [{ field: 'userId', zh: `已关联“${holder.name}”`, en: `already "${holder.name}"` }] },
        );
      }
    }
  }
}
