import type { UserRecord } from '../../../common/contract';
import { apiError } from '../../../common/contract';
import { USER_ORG_KINDS } from '../../../common/domain/org';
import type { Role } from '../../../common/domain/roles';
import type { Clock } from '../../clock';
import type { OrgRepo } from '../org/org-repo';
import { toUserRecord, type StoredUser, type UsersRepo } from './users-repo';

/** Administration of users: the rules around UsersRepo. Password hashing happens before, in the handler. */
export class UsersService {
  constructor(
    private readonly users: UsersRepo,
    private readonly org: OrgRepo,
    private readonly clock: Clock,
  ) {}

  list(): UserRecord[] {
    const now = this.clock();
    return this.users.all().map((u) => toUserRecord(u, now));
  }

  record(id: number): UserRecord {
    return toUserRecord(this.require(id), this.clock());
  }

  require(id: number): StoredUser {
    const user = this.users.byId(id);
    if (!user) throw apiError('E_NOT_FOUND', `用户 ${id} 不存在`, `User ${id} does not exist`);
    return user;
  }

  private checkOrgUnit(orgUnitId: string): void {
    const unit = this.org.unit(orgUnitId);
    if (!unit || !USER_ORG_KINDS.includes(unit.kind)) {
      throw apiError(
        'E_INVALID',
        '所属单位须为城运中心或联勤站',
        'The org unit must be the center or a joint-duty station',
        {
          field: 'orgUnitId',
        },
      );
    }
  }

  create(input: {
    username: string;
    displayName: string;
    passwordHash: string;
    roles: readonly Role[];
    orgUnitId: string;
    mustChangePassword: boolean;
  }): UserRecord {
    this.checkOrgUnit(input.orgUnitId);
    if (this.users.byUsername(input.username)) {
      throw apiError('E_CONFLICT', `用户名 ${input.username} 已存在`, `Username ${input.username} is taken`, {
        field: 'username',
      });
    }
    const id = this.users.insert(input, this.clock());
    return this.record(id);
  }

  update(
    id: number,
    fields: { displayName?: string; roles?: readonly Role[]; orgUnitId?: string },
    actorId: number,
  ): UserRecord {
    const user = this.require(id);
    if (fields.orgUnitId !== undefined) this.checkOrgUnit(fields.orgUnitId);
    if (fields.roles && user.roles.includes('admin') && !fields.roles.includes('admin')) {
      this.keepOneAdmin(id, actorId, '移除管理员角色', 'remove the admin role from');
    }
    const changes: { displayName?: string; orgUnitId?: string } = {};
    if (fields.displayName !== undefined) changes.displayName = fields.displayName;
    if (fields.orgUnitId !== undefined) changes.orgUnitId = fields.orgUnitId;
    this.users.update(id, changes, this.clock());
    if (fields.roles) this.users.setRoles(id, fields.roles);
    return this.record(id);
  }

  setDisabled(id: number, disabled: boolean, actorId: number): UserRecord {
    const user = this.require(id);
    if (disabled && user.roles.includes('admin')) this.keepOneAdmin(id, actorId, '停用', 'disable');
    this.users.update(id, { disabled }, this.clock());
    return this.record(id);
  }

  resetPassword(id: number, passwordHash: string): UserRecord {
    this.require(id);
    this.users.setPassword(id, passwordHash, true, this.clock());
    return this.record(id);
  }

  /** An admin may not lock themselves, or the last enabled admin, out of administration. */
  private keepOneAdmin(id: number, actorId: number, zhVerb: string, enVerb: string): void {
    if (id === actorId) {
      throw apiError('E_CONFLICT', `不能${zhVerb}自己的管理员账号`, `You cannot ${enVerb} your own admin account`);
    }
    const otherAdmins = this.users.all().filter((u) => u.id !== id && !u.disabled && u.roles.includes('admin'));
    if (otherAdmins.length === 0) {
      throw apiError(
        'E_CONFLICT',
        `不能${zhVerb}最后一个可用的管理员`,
        `You cannot ${enVerb} the last enabled administrator`,
      );
    }
  }
}
