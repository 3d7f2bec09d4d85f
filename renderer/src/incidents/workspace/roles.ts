import { INCIDENT_READERS } from '../../../../common/contract';
import type { Role } from '../../../../common/domain/roles';

/** Who sees the workspace: those who follow incidents (the hub checks the same on every call). */
export const INCIDENT_WORKSPACE_ROLES: readonly Role[] = INCIDENT_READERS;
