/**
 * The roster (排班表): people on posts per shift, and the conflicts that must be rejected before an
 * assignment is saved — one person on two posts (or two shifts) whose times overlap, the same person
 * rostered twice on one post and shift, or a post given to more people than it has seats.
 *
 * Shift times are half-open [startsAt, endsAt): a shift ending 16:00 and the next starting 16:00 do
 * not overlap, nor does a night standby 22:00–06:00 and the next day's early shift 06:00–14:00.
 */
import { formatShiftRange, type ShiftInstance } from './shift-calendar';
import {
  CENTER_POSTS,
  DEFAULT_CENTER_PATTERN,
  DEFAULT_STATION_PATTERN,
  STATION_POSTS,
  type DutyPost,
  type LocalizedText,
  type ShiftOrgKind,
  type ShiftTemplate,
} from './shift-templates';

/** The post whose holder is the chief of a shift (平台值班长 at the center, 值班长 at a station). */
export const CHIEF_POST: Readonly<Record<ShiftOrgKind, string>> = {
  center: 'duty_chief',
  station: 'station_duty_chief',
};

/** A rostered person not checked in this long after their shift started is reported to its chief. */
export const MISSING_CHECKIN_AFTER_MS = 10 * 60_000;

/**
 * When a rostered person without a check-in counts as missing: 10 minutes after the shift's start,
 * or after they were rostered if that was later — someone added to a running shift was not late for
 * the time before anyone asked them to come. The hub's alert and the console's late mark share it.
 */
export function checkInDueAt(shiftStartsAt: number, rosteredAt: number): number {
  return Math.max(shiftStartsAt, rosteredAt) + MISSING_CHECKIN_AFTER_MS;
}

export interface Assignment {
  readonly personId: number;
  readonly personName: string;
  readonly postCode: string;
  readonly shift: ShiftInstance;
  /**
   * The org unit (center or a station) whose roster this is. Posts and shift codes are shared by the
   * two stations, so seats are counted per org unit; person overlaps are checked across all units.
   */
  readonly orgUnitId?: string;
}

export type RosterConflictKind = 'person_overlap' | 'duplicate' | 'post_full';

export interface RosterConflict {
  readonly kind: RosterConflictKind;
  /** The proposed assignment that cannot be accepted. */
  readonly proposed: Assignment;
  /** What it collides with: the person's other assignment, or for `post_full` the post's first holder. */
  readonly with: Assignment;
  /** Whether `with` is itself one of the proposed assignments (an earlier one) rather than existing. */
  readonly withProposed: boolean;
  readonly message: LocalizedText;
}

export interface RosterNaming {
  /** Post catalog: names and seats. Default: CENTER_POSTS and STATION_POSTS. Unknown codes have 1 seat. */
  readonly posts?: readonly DutyPost[];
  /** Shift templates for shift names. Default: the default center and station patterns. */
  readonly shifts?: readonly ShiftTemplate[];
}

const DEFAULT_POSTS: readonly DutyPost[] = [...CENTER_POSTS, ...STATION_POSTS];
const DEFAULT_SHIFTS: readonly ShiftTemplate[] = [...DEFAULT_CENTER_PATTERN.shifts, ...DEFAULT_STATION_PATTERN.shifts];

function firstByCode<T extends { readonly code: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.code)) map.set(item.code, item);
  return map;
}

function slotKey(a: Assignment): string {
  return `${a.orgUnitId ?? ''}|${a.shift.date}|${a.shift.code}|${a.postCode}`;
}

function sameShift(a: Assignment, b: Assignment): boolean {
  return (
    (a.orgUnitId ?? null) === (b.orgUnitId ?? null) && a.shift.date === b.shift.date && a.shift.code === b.shift.code
  );
}

function overlaps(a: ShiftInstance, b: ShiftInstance): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** How conflict messages name posts, shifts and people, from the unit's pattern. */
interface ConflictWords {
  posts: Map<string, DutyPost>;
  post(code: string): LocalizedText;
  shift(s: ShiftInstance): LocalizedText;
  person(a: Assignment): LocalizedText;
}

function conflictWords(naming: RosterNaming): ConflictWords {
  const posts = firstByCode(naming.posts ?? DEFAULT_POSTS);
  const shifts = firstByCode(naming.shifts ?? DEFAULT_SHIFTS);
  return {
    posts,
    post: (code) => {
      const p = posts.get(code);
      return p ? { zh: p.name, en: p.nameEn } : { zh: code, en: code };
    },
    shift: (s) => {
      const t = shifts.get(s.code);
      const range = formatShiftRange(s);
      return { zh: `${t?.name ?? s.code} ${range.zh}`, en: `${t?.nameEn ?? s.code} ${range.en}` };
    },
    person: (a) => ({ zh: `${a.personName}（#${a.personId}）`, en: `${a.personName} (#${a.personId})` }),
  };
}

interface Placed {
  a: Assignment;
  proposed: boolean;
}

/** The assignments placed so far, by person and by (unit, date, shift, post) slot. */
class PlacedIndex {
  private readonly byPerson = new Map<number, Placed[]>();
  private readonly bySlot = new Map<string, Placed[]>();

  add(a: Assignment, proposed: boolean): void {
    const entry = { a, proposed };
    const p = this.byPerson.get(a.personId);
    if (p) p.push(entry);
    else this.byPerson.set(a.personId, [entry]);
    const key = slotKey(a);
    const s = this.bySlot.get(key);
    if (s) s.push(entry);
    else this.bySlot.set(key, [entry]);
  }

  ofPerson(personId: number): Placed[] {
    return this.byPerson.get(personId) ?? [];
  }

  inSlot(a: Assignment): Placed[] {
    return this.bySlot.get(slotKey(a)) ?? [];
  }
}

/** The person's other assignments whose shift overlaps the proposed one's (`twin`, the duplicate, aside). */
function overlapConflicts(p: Assignment, mine: readonly Placed[], twin: Placed | undefined, w: ConflictWords) {
  const conflicts: RosterConflict[] = [];
  for (const o of mine) {
    if (o === twin || !overlaps(o.a.shift, p.shift)) continue;
    const [np, op] = [w.post(p.postCode), w.post(o.a.postCode)];
    const [ns, os] = [w.shift(p.shift), w.shift(o.a.shift)];
    const who = w.person(p);
    conflicts.push({
      kind: 'person_overlap',
      proposed: p,
      with: o.a,
      withProposed: o.proposed,
      message: {
        zh: `排班冲突：${who.zh} 已排在 ${op.zh}（${os.zh}），与 ${np.zh}（${ns.zh}）时间重叠`,
        en: `Roster conflict: ${who.en} is already on ${op.en} (${os.en}), which overlaps ${np.en} (${ns.en})`,
      },
    });
  }
  return conflicts;
}

/** The proposed post's seats are all taken by other people, or undefined. */
function postFullConflict(p: Assignment, placed: PlacedIndex, w: ConflictWords): RosterConflict | undefined {
  const holders = placed.inSlot(p).filter((o) => o.a.personId !== p.personId);
  const seats = w.posts.get(p.postCode)?.seats ?? 1;
  const first = holders[0];
  if (first === undefined || holders.length < seats) return undefined;
  const post = w.post(p.postCode);
  const shift = w.shift(p.shift);
  const who = w.person(p);
  const names = holders.map((o) => o.a.personName);
  return {
    kind: 'post_full',
    proposed: p,
    with: first.a,
    withProposed: first.proposed,
    message: {
      zh: `${post.zh}（${shift.zh}）已由 ${names.join('、')} 担任（${seats} 人岗），不能再排 ${who.zh}`,
      en: `${post.en} (${shift.en}) is already held by ${names.join(', ')} (${seats} seat${seats === 1 ? '' : 's'}); cannot add ${who.en}`,
    },
  };
}

/**
 * Conflicts that `proposed` would bring into a roster holding `existing`. Each proposed assignment
 * is checked against the existing ones and against the proposed ones before it, so a batch (a week
 * copied forward) that contradicts itself is caught too. Empty means the batch can be saved.
 */
export function findConflicts(
  existing: readonly Assignment[],
  proposed: readonly Assignment[],
  naming: RosterNaming = {},
): RosterConflict[] {
  const w = conflictWords(naming);
  const placed = new PlacedIndex();
  for (const a of existing) placed.add(a, false);

  const conflicts: RosterConflict[] = [];
  for (const p of proposed) {
    const mine = placed.ofPerson(p.personId);
    const twin = mine.find((o) => o.a.postCode === p.postCode && sameShift(o.a, p));
    if (twin) {
      const post = w.post(p.postCode);
      const shift = w.shift(p.shift);
      conflicts.push({
        kind: 'duplicate',
        proposed: p,
        with: twin.a,
        withProposed: twin.proposed,
        message: {
          zh: `${w.person(p).zh} 已排在 ${post.zh}（${shift.zh}），不能重复排班`,
          en: `${w.person(p).en} is already rostered as ${post.en} (${shift.en})`,
        },
      });
    }
    conflicts.push(...overlapConflicts(p, mine, twin, w));
    const full = twin ? undefined : postFullConflict(p, placed, w);
    if (full) conflicts.push(full);
    placed.add(p, true);
  }
  return conflicts;
}

export interface RosterShift {
  readonly shift: ShiftInstance;
  readonly orgUnitId?: string;
  /** Ordered by the post catalog (平台值班长 first), then by name. */
  readonly assignments: readonly Assignment[];
}

/** Assignments grouped by shift (and org unit), in time order. */
export function rosterByShift(
  assignments: readonly Assignment[],
  posts: readonly DutyPost[] = DEFAULT_POSTS,
): RosterShift[] {
  const order = new Map(posts.map((p, i) => [p.code, i]));
  const groups = new Map<string, { shift: ShiftInstance; orgUnitId: string | undefined; list: Assignment[] }>();
  for (const a of assignments) {
    const key = `${a.orgUnitId ?? ''}|${a.shift.date}|${a.shift.code}`;
    const g = groups.get(key);
    if (g) g.list.push(a);
    else groups.set(key, { shift: a.shift, orgUnitId: a.orgUnitId, list: [a] });
  }
  const rank = (a: Assignment): number => order.get(a.postCode) ?? posts.length;
  return [...groups.values()]
    .sort(
      (x, y) =>
        x.shift.startsAt - y.shift.startsAt ||
        (x.orgUnitId ?? '').localeCompare(y.orgUnitId ?? '') ||
        x.shift.code.localeCompare(y.shift.code),
    )
    .map((g) => ({
      shift: g.shift,
      ...(g.orgUnitId === undefined ? {} : { orgUnitId: g.orgUnitId }),
      assignments: [...g.list].sort(
        (a, b) =>
          rank(a) - rank(b) ||
          a.postCode.localeCompare(b.postCode) ||
          a.personName.localeCompare(b.personName, 'zh-CN'),
      ),
    }));
}
