import type { Bilingual } from '../../../../../common/contract';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isBilingual(value: unknown): value is Bilingual {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string';
}

/**
 * The individual problems a roster error lists in its details — every conflict of a week copied
 * forward (`conflicts`), every fault of a pattern (`problems`), every person who cannot be rostered
 * (`users`) — each with its own {zh, en} message (main/services/duty/roster-service.ts).
 */
export function detailMessages(details: unknown): Bilingual[] {
  if (!isRecord(details)) return [];
  return ['conflicts', 'problems', 'users'].flatMap((key) => {
    const list = details[key];
    if (!Array.isArray(list)) return [];
    return list.flatMap((item: unknown) => (isRecord(item) && isBilingual(item.message) ? [item.message] : []));
  });
}

/** Codes of the shifts a pattern error concerns, to mark their rows. */
export function problemShiftCodes(details: unknown): Set<string> {
  const codes = new Set<string>();
  if (!isRecord(details)) return codes;
  const lists = [details.problems, details.shiftCodes];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      if (typeof item === 'string') codes.add(item);
      else if (isRecord(item) && Array.isArray(item.codes)) {
        for (const c of item.codes as unknown[]) if (typeof c === 'string') codes.add(c);
      }
    }
  }
  return codes;
}
