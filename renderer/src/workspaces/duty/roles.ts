import { DUTY_LOG_WRITERS } from '../../../../common/contract/duty-log';
import type { Role } from '../../../../common/domain/roles';

/** Who sees the ledger at all: everyone on a duty post, and administrators (roster, search, verify). */
export const DUTY_LEDGER_ROLES: readonly Role[] = [...DUTY_LOG_WRITERS, 'admin'];
