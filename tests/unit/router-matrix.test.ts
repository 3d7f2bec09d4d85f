import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../common/contract';
import { ROLES, type Role } from '../../common/domain/roles';
import type { Hub } from '../../main/hub';
import { hashPassword } from '../../main/services/auth/passwords';
import { UsersRepo } from '../../main/services/users/users-repo';
import { connection, demoHub, ok, type TestConnection } from '../helpers/hub';

// One user per role holding only that role, so each row of the matrix tests exactly one role.
let hub: Hub;
const PASSWORD = 'Matrix#2026x';

beforeAll(async () => {
  hub = await demoHub();
  const repo = new UsersRepo(hub.db);
  const hash = await hashPassword(PASSWORD);
  for (const role of ROLES) {
    repo.insert(
      {
        username: `m_${role}`,
        displayName: role,
        passwordHash: hash,
        // Station chiefs belong to a station (their methods act on their own unit).
        orgUnitId: role === 'station_chief' ? 'HQ-S1' : 'HQ-C',
        roles: [role],
        mustChangePassword: false,
      },
      Date.now(),
    );
  }
});
afterAll(() => hub.close());

const sessions = new Map<Role, TestConnection>();
/** Reuses a role's session while it lives (auth.logout ends it; then sign in again). */
async function sessionFor(role: Role): Promise<TestConnection> {
  const cached = sessions.get(role);
  if (cached?.token && (await hub.call(cached, 'auth.me', {})).ok) return cached;
  const conn = connection(role);
  await ok(hub, conn, 'auth.login', { username: `m_${role}`, password: PASSWORD });
  sessions.set(role, conn);
  return conn;
}

function allowed(method: MethodName, role: Role | null): boolean {
  const access = contract[method].access;
  // Partner systems' methods: no console user may call them (an API key is tested in open311-post.test.ts).
  if (access === 'apiKey') return false;
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || access.includes(role);
}

const methods = Object.keys(contract) as MethodName[];

describe('router: every method × every role matches the contract', () => {
  for (const method of methods) {
    it(method, async () => {
      for (const role of [null, ...ROLES] as const) {
        const conn = role ? await sessionFor(role) : connection('anonymous');
        // `{}` is not valid input for most methods: the role check must come first, so an
        // allowed caller sees anything but E_FORBIDDEN/E_UNAUTHENTICATED, a denied one exactly that.
        const result = await hub.call(conn, method, {});
        const denial = result.ok ? null : result.error.code;
        if (allowed(method, role)) {
          expect(denial, `${method} as ${role ?? 'anonymous'}`).not.toBe('E_FORBIDDEN');
          if (method !== 'auth.login' && method !== 'auth.resume') {
            expect(denial, `${method} as ${role ?? 'anonymous'}`).not.toBe('E_UNAUTHENTICATED');
          }
        } else {
          expect(denial, `${method} as ${role ?? 'anonymous'}`).toBe(role ? 'E_FORBIDDEN' : 'E_UNAUTHENTICATED');
        }
      }
    });
  }

  it('covers every method of the contract with a handler', () => {
    expect(methods.length).toBeGreaterThan(15);
  });
});
