import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../i18n/useDisplay';
import { useNow } from '../../time/useNow';
import type { TileHealth } from '../player/types';

/** Ticks only while a reconnect is scheduled, so a healthy wall of 36 tiles renders nothing per second. */
function Countdown({ retryAt, attempt }: { retryAt: number; attempt: number }) {
  const { t } = useTranslation();
  const now = useNow(250);
  const seconds = Math.ceil((retryAt - now) / 1000);
  return (
    <span data-testid="wall-tile-retry">
      {seconds > 0 ? t('wall.retryIn', { seconds, attempt }) : t('wall.retrying', { attempt })}
    </span>
  );
}

/**
 * What is wrong with a tile, over its (kept) last frame: the state, its reason, and when the next
 * reconnect comes. Nothing is drawn while the tile plays.
 */
export function TileStatus({ health, reason }: { health: TileHealth; reason?: string | undefined }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  if (health.state === 'playing' || health.state === 'idle') return null;
  const why = reason ?? (health.reason ? pick(health.reason) : null);
  return (
    <div className={`wall-tile-status wall-tile-status-${health.state}`} data-testid="wall-tile-status">
      <strong>{t(`wall.state.${health.state}`)}</strong>
      {why && <span data-testid="wall-tile-reason">{why}</span>}
      {health.retryAt !== null && <Countdown retryAt={health.retryAt} attempt={health.attempts + 1} />}
    </div>
  );
}
