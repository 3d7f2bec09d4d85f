import { ConfigError } from './config-error';
import { DEFAULT_HUB_LOG, type HubLogPolicy } from './logging/hub-log';
import { DEFAULT_LOW_DISK, type LowDiskPolicy } from './services/system/disk-space';

interface Range {
  fallback: number;
  min: number;
  max: number;
}

/** A whole number within the range from the environment, or its default; a bad value is refused in both languages. */
function setting(env: NodeJS.ProcessEnv, name: string, range: Range): number {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return range.fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < range.min || n > range.max) {
    const shown = JSON.stringify(raw.slice(0, 40));
    throw new ConfigError(
      `${name} 须为 ${range.min} 到 ${range.max} 之间的整数，现为 ${shown} / ` +
        `${name} must be a whole number from ${range.min} to ${range.max}, got ${shown}`,
    );
  }
  return n;
}

/** The low-disk alert (main/services/system/disk-space.ts): CITYOPS_LOW_DISK_MB / _PERCENT / _REPEAT_HOURS. */
export function lowDiskConfig(env: NodeJS.ProcessEnv): LowDiskPolicy {
  return {
    minFreeMb: setting(env, 'CITYOPS_LOW_DISK_MB', { fallback: DEFAULT_LOW_DISK.minFreeMb, min: 0, max: 1_048_576 }),
    minFreePercent: setting(env, 'CITYOPS_LOW_DISK_PERCENT', {
      fallback: DEFAULT_LOW_DISK.minFreePercent,
      min: 0,
      max: 50,
    }),
    repeatHours: setting(env, 'CITYOPS_LOW_DISK_REPEAT_HOURS', {
      fallback: DEFAULT_LOW_DISK.repeatHours,
      min: 1,
      max: 168,
    }),
  };
}

/** The hub's own log file (main/logging/hub-log.ts): CITYOPS_LOG_MAX_MB / CITYOPS_LOG_KEEP_DAYS. */
export function hubLogConfig(env: NodeJS.ProcessEnv): HubLogPolicy {
  const maxMb = setting(env, 'CITYOPS_LOG_MAX_MB', {
    fallback: DEFAULT_HUB_LOG.maxBytes / 1024 / 1024,
    min: 1,
    max: 1024,
  });
  return {
    maxBytes: maxMb * 1024 * 1024,
    keepDays: setting(env, 'CITYOPS_LOG_KEEP_DAYS', { fallback: DEFAULT_HUB_LOG.keepDays, min: 1, max: 3650 }),
  };
}
