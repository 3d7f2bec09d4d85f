import { CAMERA_VIEWERS } from '../../../common/contract/cameras';
import type { Db } from '../../db/connection';

/**
 * Whether the session behind a signed media path (by its token hash) is still live — not ended,
 * not expired — and its user is enabled and still holds a camera-viewing role. The same rule as
 * AuthService.sessionUser plus the contract's access of media.open, by hash because the signed path
 * carries no token.
 */
export function mediaSessionCheck(db: Db, now: () => number): (tokenHash: string) => boolean {
  const roles = CAMERA_VIEWERS.map(() => '?').join(', ');
  const statement = db.prepare(
    `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.disabled = 0
        AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN (${roles}))`,
  );
  return (tokenHash) => db.open && statement.get(tokenHash, now(), ...CAMERA_VIEWERS) !== undefined;
}
