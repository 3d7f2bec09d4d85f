import type { MethodOutput } from '../../../common/contract';
import type { Clock } from '../../clock';
import type { AuditRepo } from '../../services/audit/audit-repo';
import type { OrgRepo } from '../../services/org/org-repo';
import type { Handler } from '../handler-types';

export interface SystemFacts {
  name: string;
  version: string;
  demo: () => boolean;
  demoAccounts: () => MethodOutput<'system.info'>['demoAccounts'];
  demoPassword: string;
  schemaVersion: () => number;
}

export function referenceHandlers(org: OrgRepo, audit: AuditRepo, clock: Clock, facts: SystemFacts) {
  const info: Handler<'system.info'> = () => {
    const demo = facts.demo();
    return {
      name: facts.name,
      version: facts.version,
      demo,
      demoAccounts: demo ? facts.demoAccounts() : [],
      demoPassword: demo ? facts.demoPassword : null,
      hubTime: clock(),
      schemaVersion: facts.schemaVersion(),
    };
  };
  const units: Handler<'org.units.list'> = () => org.units();
  const departments: Handler<'org.departments.list'> = () => org.departments();
  const categories: Handler<'org.categories.list'> = () => org.categories();
  const roles: Handler<'org.roles.list'> = () => org.roles();
  const auditList: Handler<'audit.list'> = (_ctx, q) => audit.list(q);
  const auditMethods: Handler<'audit.methods'> = () => audit.methods();
  return {
    'system.info': info,
    'org.units.list': units,
    'org.departments.list': departments,
    'org.categories.list': categories,
    'org.roles.list': roles,
    'audit.list': auditList,
    'audit.methods': auditMethods,
  };
}
