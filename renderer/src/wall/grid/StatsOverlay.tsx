import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Player, PlayerStats } from '../player/types';

const REFRESH_MS = 1000;
/** Frigate's threshold: more than 2 s behind the live edge is worth a red figure. */
const LATE_S = 2;

function fixed(value: number | null, digits: number): string {
  return value === null ? '—' : value.toFixed(digits);
}

/**
 * Protocol and codec, resolution, fps, kbit/s, latency (HLS: to the live edge; WebRTC: the jitter
 * buffer's delay plus half the round trip) and dropped frames, and for WebRTC packets lost, jitter
 * and round trip; refreshed every second.
 */
export function StatsOverlay({ player }: { player: Player }) {
  const { t } = useTranslation();
  const [stats, setStats] = useState<PlayerStats>(() => player.stats());
  useEffect(() => {
    const timer = setInterval(() => {
      setStats(player.stats());
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, [player]);
  const rows: [string, string, boolean?][] = [
    [t('wall.stats.codec'), `${stats.protocol.toUpperCase()} ${stats.codec ?? '—'}`],
    [t('wall.stats.resolution'), stats.width > 0 ? `${stats.width}×${stats.height}` : '—'],
    [t('wall.stats.fps'), fixed(stats.fps, 1)],
    [t('wall.stats.bitrate'), stats.kbps === null ? '—' : t('wall.stats.kbps', { value: Math.round(stats.kbps) })],
    [
      t('wall.stats.latency'),
      stats.latencySec === null ? '—' : t('wall.stats.seconds', { value: stats.latencySec.toFixed(1) }),
      (stats.latencySec ?? 0) > LATE_S,
    ],
    [
      t('wall.stats.dropped'),
      `${stats.droppedPct.toFixed(1)}% (${stats.droppedFrames}/${stats.totalFrames})`,
      stats.droppedPct > 1,
    ],
  ];
  if (stats.protocol === 'webrtc') {
    const ms = (value: number | null | undefined): string =>
      value === null || value === undefined ? '—' : t('wall.stats.ms', { value: Math.round(value) });
    rows.push(
      [
        t('wall.stats.packetsLost'),
        stats.packetsLost === null || stats.packetsLost === undefined ? '—' : String(stats.packetsLost),
      ],
      [t('wall.stats.jitter'), ms(stats.jitterMs)],
      [t('wall.stats.rtt'), ms(stats.rttMs)],
    );
  }
  return (
    <table className="wall-stats" data-testid="wall-tile-stats" data-protocol={stats.protocol}>
      <tbody>
        {rows.map(([label, value, bad]) => (
          <tr key={label}>
            <th>{label}</th>
            <td className={bad ? 'wall-stats-bad' : undefined}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
