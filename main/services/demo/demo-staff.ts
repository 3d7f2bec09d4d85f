import type { Role } from '../../../common/domain/roles';
import type { UsersRepo } from '../users/users-repo';

/**
 * The demo center's people beyond the sign-in accounts (bootstrap.ts DEMO_USERS): four teams per unit
 * (四班三运转 at the center; early / late / night standby + a rest day at the stations), so every
 * shift of this week and the next has its chief and posts. They cannot sign in (their password is
 * random and never shown); they are names on the roster and in the orders' timelines.
 */
export type TeamKey = 'A' | 'B' | 'C' | 'D';
export const TEAMS: readonly TeamKey[] = ['A', 'B', 'C', 'D'];

export interface StaffMember {
  username: string;
  displayName: string;
  orgUnitId: string;
  roles: Role[];
  /** The roster post they hold. */
  postCode: string;
  /** Their team; null for the station head and deputy (day work, not rotating). */
  team: TeamKey | null;
}

/** [post, role] of the four seats every center team fills. */
const CENTER_SEATS = [
  ['duty_chief', 'duty_chief'],
  ['grid_officer', 'grid_officer'],
  ['hotline_officer', 'hotline_officer'],
  ['video_monitor', 'video_monitor'],
] as const;

/** [post, role] of the four seats every station team fills. */
const STATION_SEATS = [
  ['station_duty_chief', 'station_chief'],
  ['station_info_officer', 'video_monitor'],
  ['station_info_officer', 'video_monitor'],
  ['patrol_leader', 'video_monitor'],
] as const;

/** Center team A and chief2 of team B are the sign-in accounts; the rest are made here. */
const CENTER_NAMES: Record<TeamKey, readonly (string | { account: string })[]> = {
  A: [{ account: 'chief' }, { account: 'grid' }, { account: 'hotline' }, { account: 'monitor' }],
  B: [{ account: 'chief2' }, '孙浩', '吴婷', '郑凯'],
  C: ['冯建国', '何俊', '许晓燕', '马超'],
  D: ['胡立新', '林峰', '高敏', '罗斌'],
};

const STATION_NAMES: Record<
  'HQ-S1' | 'HQ-S2',
  { head: string; deputy: string; teams: Record<TeamKey, readonly (string | { account: string })[]> }
> = {
  'HQ-S1': {
    head: '钱振华',
    deputy: '杜文',
    teams: {
      A: [{ account: 'station' }, '曹雪', '彭宇', '蒋军'],
      B: ['韩东', '唐莉', '邓杰', '萧勇'],
      C: ['田志刚', '袁芳', '潘磊', '程亮'],
      D: ['董海', '于佳', '蔡明', '贾涛'],
    },
  },
  'HQ-S2': {
    head: '沈国强',
    deputy: '卢慧',
    teams: {
      A: ['魏刚', '叶琳', '姚远', '石磊'],
      B: ['汪洋', '谭静', '廖斌', '范军'],
      C: ['方平', '金晶', '邱伟', '顾超'],
      D: ['陆建华', '黎娜', '夏天', '钟鸣'],
    },
  },
};

/** Every rostered person of the demo center, the sign-in accounts included (by username). */
export function demoStaff(): StaffMember[] {
  const out: StaffMember[] = [];
  const add = (
    unit: string,
    prefix: string,
    team: TeamKey,
    names: readonly (string | { account: string })[],
    seats: readonly (readonly [string, Role])[],
  ) =>
    names.forEach((n, i) => {
      const seat = seats[i];
      if (!seat) return;
      const [postCode, role] = seat;
      out.push(
        typeof n === 'string'
          ? {
              username: `${prefix}-${team.toLowerCase()}${i + 1}`,
              displayName: n,
              orgUnitId: unit,
              roles: [role],
              postCode,
              team,
            }
          : { username: n.account, displayName: '', orgUnitId: unit, roles: [role], postCode, team },
      );
    });
  for (const team of TEAMS) add('HQ-C', 'zx', team, CENTER_NAMES[team], CENTER_SEATS);
  for (const [unit, s] of Object.entries(STATION_NAMES)) {
    const prefix = unit === 'HQ-S1' ? 's1' : 's2';
    out.push(
      {
        username: `${prefix}-head`,
        displayName: s.head,
        orgUnitId: unit,
        roles: ['station_chief'],
        postCode: 'station_head',
        team: null,
      },
      {
        username: `${prefix}-deputy`,
        displayName: s.deputy,
        orgUnitId: unit,
        roles: ['station_chief'],
        postCode: 'deputy_head',
        team: null,
      },
    );
    for (const team of TEAMS) add(unit, prefix, team, s.teams[team], STATION_SEATS);
  }
  return out;
}

/** A staff member with their user id and the name they go by (the account's own, for sign-in accounts). */
export interface DemoPerson extends StaffMember {
  id: number;
  name: string;
}

/**
 * Creates the staff that are not sign-in accounts (all sharing one random, never-shown password hash)
 * and answers everyone with their user id. Sign-in accounts an administrator removed are left out.
 */
export function createDemoStaff(users: UsersRepo, passwordHash: string, now: number): DemoPerson[] {
  return demoStaff().flatMap((m) => {
    const existing = users.byUsername(m.username);
    if (existing) return existing.disabled ? [] : [{ ...m, id: existing.id, name: existing.displayName }];
    if (m.displayName === '') return [];
    const id = users.insert(
      {
        username: m.username,
        displayName: m.displayName,
        passwordHash,
        orgUnitId: m.orgUnitId,
        roles: m.roles,
        mustChangePassword: true,
      },
      now,
    );
    return [{ ...m, id, name: m.displayName }];
  });
}
