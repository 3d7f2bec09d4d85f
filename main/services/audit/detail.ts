import type { AuditDetail, AuditDetailKey, AuditParam, DutyPatternDto } from '../../../common/contract';

/** A typed audit detail: the key must be one the console has templates for (AUDIT_DETAIL_KEYS). */
export function auditDetail(key: AuditDetailKey, params: Record<string, AuditParam | undefined>): AuditDetail {
  const clean: Record<string, AuditParam> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) clean[name] = value;
  return { key, params: clean };
}

/**
 * A shift's and a post's names in both languages, as the unit's pattern has them now. Stored in the
 * row (not looked up when it is shown) because patterns are editable and the row records what was.
 */
export function dutyNames(
  pattern: Pick<DutyPatternDto, 'shifts' | 'posts'>,
  shiftCode: string,
  postCode?: string,
): { shift: { zh: string; en: string }; post: { zh: string; en: string } | undefined } {
  const s = pattern.shifts.find((x) => x.code === shiftCode);
  const p = postCode === undefined ? undefined : pattern.posts.find((x) => x.code === postCode);
  return {
    shift: s ? { zh: s.name, en: s.nameEn } : { zh: shiftCode, en: shiftCode },
    post: postCode === undefined ? undefined : p ? { zh: p.name, en: p.nameEn } : { zh: postCode, en: postCode },
  };
}
