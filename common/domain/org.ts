/** Kinds of org unit in the "1 + 2 + 36" organisation (docs/domain.md#organisation). */
export const ORG_UNIT_KINDS = ['center', 'station', 'grid', 'workstation'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** Users belong to the center or to a joint-duty station. */
export const USER_ORG_KINDS: readonly OrgUnitKind[] = ['center', 'station'];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TIME_ZONE = 'Asia/Shanghai';
