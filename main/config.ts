import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_FRAME_BYTES } from '../common/contract/wire';
import { backupConfig, type BackupConfig } from './config-backups';
import { reportConfig } from './config-reports';
import type { ReportSettings } from './services/kpi-reports/report-service';
import { ConfigError } from './config-error';
import { chiefScoreConfig } from './config-kpi';
import { hubLogConfig, lowDiskConfig } from './config-upkeep';
import type { ChiefOptions } from '../common/domain/kpi';
import type { HubLogPolicy } from './logging/hub-log';
import type { LowDiskPolicy } from './services/system/disk-space';
import { parseAnnounced, parsePortRange, RtcNetworkError, type RtcNetwork } from './media/engine/rtc-network';

export const APP_DIR_NAME = 'cityops-console';
export const DEFAULT_PORT = 8787;

/** The OS's per-user app-data folder (the same for the web shell and the desktop). */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), APP_DIR_NAME);
}

export interface Config {
  dataDir: string;
  /** Demo users on a fresh data dir; off when an admin password is given or --no-demo. */
  demo: boolean;
  adminPassword: string | undefined;
  host: string;
  port: number;
  /** Listening beyond loopback was asked for explicitly. */
  allowRemote: boolean;
  sessionLifetimeMs: number;
  maxFrameBytes: number;
  maxAttachmentBytes: number;
  duplicateWindowDays: number;
  /** The 值班长 综合指标值: step limits and weights (main/config-kpi.ts; CITYOPS_CHIEF_*). */
  chiefScore: ChiefOptions;
  /** The handover of a shift may start this many minutes before its end (CITYOPS_HANDOVER_OPENS_MIN, 30). */
  handoverOpensBeforeMinutes: number;
  /**
   * Lets 127.0.0.1 stop and start demo camera streams (POST /media/demo/<key>/stop|start) and puts the
   * deliberately broken demo stream on the map: for tests and training (CITYOPS_DEMO_MEDIA_CONTROL=1).
   */
  demoMediaControl: boolean;
  /**
   * Demo mode's first start fills a working center: staff, this week's and next week's roster, 60 days
   * of orders (main/services/demo). On by default; CITYOPS_DEMO_HISTORY=0 keeps the demo empty (e2e).
   */
  demoHistory: boolean;
  /**
   * Origins whose pages may open the API socket besides the console's own (remote consoles served
   * from elsewhere): --allowed-origin (repeatable) or CITYOPS_ALLOWED_ORIGINS (comma-separated).
   */
  allowedOrigins: string[];
  /**
   * Host names the hub answers under besides loopback and --host (a DNS name for remote consoles, a
   * reverse proxy's name): --allowed-host (repeatable) or CITYOPS_ALLOWED_HOSTS (comma-separated).
   */
  allowedHosts: string[];
  /** The camera gateway's ffmpeg (RTSP cameras only): --ffmpeg or CITYOPS_FFMPEG, else `ffmpeg` on PATH. */
  ffmpegPath: string;
  /** The gateway stops a stream's ingest this long after its last viewer (CITYOPS_GATEWAY_IDLE_S, 30). */
  gatewayIdleMs: number;
  /**
   * WebRTC media for consoles (both engines): --rtc-ports / CITYOPS_RTC_PORTS (e.g. 40000-40199),
   * --rtc-announce (repeatable) / CITYOPS_RTC_ANNOUNCE (comma-separated IPs), --rtc-tcp / CITYOPS_RTC_TCP=1.
   */
  rtc: RtcNetwork;
  /** Limits on the web shell's WebSockets (a hostile page or program opening thousands). */
  ws: WsLimits;
  /** The hub's scheduled backups: folder, daily time, retention (main/config-backups.ts). */
  backups: BackupConfig;
  /** Low disk space alert (main/config-upkeep.ts): CITYOPS_LOW_DISK_MB / _PERCENT / _REPEAT_HOURS. */
  lowDisk: LowDiskPolicy;
  /** The hub's log file `<dataDir>/logs/hub.log` (main/config-upkeep.ts): CITYOPS_LOG_MAX_MB / _KEEP_DAYS. */
  log: HubLogPolicy;
  /** The KPI reports: folder, automatic time, stations (main/config-reports.ts). */
  reports: ReportSettings;
}

export interface WsLimits {
  /** Open WebSockets from one address: --ws-max-per-address / CITYOPS_WS_MAX_PER_ADDRESS (32). */
  maxPerAddress: number;
  /** Open WebSockets in total: --ws-max-total / CITYOPS_WS_MAX_TOTAL (512). */
  maxTotal: number;
  /** A WebSocket without a session this long is closed: --ws-sign-in-seconds / CITYOPS_WS_SIGN_IN_S (30). */
  signInTimeoutMs: number;
}

export { ConfigError };

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

interface ListSetting {
  /** The flag or variable the values came from, for error messages. */
  source: string;
  values: string[];
}

/** Flag values (repeatable) win over the environment's comma-separated list. */
function listSetting(flag: string, envName: string, raw: unknown, env: NodeJS.ProcessEnv): ListSetting {
  const values = Array.isArray(raw) ? (raw as unknown[]) : [];
  if (values.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new ConfigError(`--${flag} needs a value`);
  }
  if (values.length > 0) return { source: `--${flag}`, values: (values as string[]).map((v) => v.trim()) };
  const list = (env[envName] ?? '').split(',').map((v) => v.trim());
  return { source: envName, values: list.filter((v) => v !== '') };
}

function origins({ source, values }: ListSetting): string[] {
  return values.map((value) => {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    const originOnly =
      url !== null &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.pathname === '/' &&
      `${url.username}${url.password}${url.search}${url.hash}` === '';
    if (!url || !originOnly) {
      throw new ConfigError(
        `${source}: "${value}" is not an origin such as https://console.example.org or http://10.0.0.5:8787 (scheme, host and port only)`,
      );
    }
    return url.origin;
  });
}

const HOST_NAME =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\[?[0-9a-f:.]+\]?$/i;

function hostNames({ source, values }: ListSetting): string[] {
  return values.map((value) => {
    if (!HOST_NAME.test(value) || /^[^[]*:[^:]*$/.test(value)) {
      throw new ConfigError(
        `${source}: "${value}" is not a host name such as console.example.org or 10.0.0.5 (no scheme, no port)`,
      );
    }
    return value.toLowerCase();
  });
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Command-line flags win over environment variables, which win over defaults. */
export function resolveConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      'backup-dir': { type: 'string' },
      'backup-time': { type: 'string' },
      'reports-dir': { type: 'string' },
      'report-time': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'no-demo': { type: 'boolean' },
      'allow-remote': { type: 'boolean' },
      'allowed-origin': { type: 'string', multiple: true },
      'allowed-host': { type: 'string', multiple: true },
      ffmpeg: { type: 'string' },
      'rtc-ports': { type: 'string' },
      'rtc-announce': { type: 'string', multiple: true },
      'rtc-tcp': { type: 'boolean' },
      'ws-max-per-address': { type: 'string' },
      'ws-max-total': { type: 'string' },
      'ws-sign-in-seconds': { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const adminPassword = env.CITYOPS_ADMIN_PASSWORD || undefined;
  const host = str(values.host) ?? env.CITYOPS_HOST ?? '127.0.0.1';
  const port = positiveNumber('port', str(values.port) ?? env.CITYOPS_PORT, DEFAULT_PORT);
  const allowRemote = values['allow-remote'] === true || env.CITYOPS_ALLOW_REMOTE === '1';
  if (!isLoopback(host) && !allowRemote) {
    throw new ConfigError(
      `refusing to listen on ${host}: consoles on other machines must be allowed explicitly with --allow-remote (or CITYOPS_ALLOW_REMOTE=1)`,
    );
  }
  const dataDir = path.resolve(str(values['data-dir']) ?? env.CITYOPS_DATA_DIR ?? defaultDataDir(env));
  return {
    dataDir,
    demo: !(values['no-demo'] === true || env.CITYOPS_NO_DEMO === '1' || adminPassword !== undefined),
    adminPassword,
    host,
    port: Math.floor(port),
    allowRemote,
    sessionLifetimeMs: positiveNumber('CITYOPS_SESSION_HOURS', env.CITYOPS_SESSION_HOURS, 12) * 3600_000,
    duplicateWindowDays: positiveNumber('CITYOPS_DUPLICATE_DAYS', env.CITYOPS_DUPLICATE_DAYS, 7),
    handoverOpensBeforeMinutes: positiveNumber('CITYOPS_HANDOVER_OPENS_MIN', env.CITYOPS_HANDOVER_OPENS_MIN, 30),
    maxAttachmentBytes: Math.floor(
      positiveNumber('CITYOPS_MAX_ATTACHMENT_MB', env.CITYOPS_MAX_ATTACHMENT_MB, 50) * 1024 * 1024,
    ),
    maxFrameBytes: Math.floor(
      positiveNumber('CITYOPS_MAX_FRAME_BYTES', env.CITYOPS_MAX_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES),
    ),
    demoMediaControl: env.CITYOPS_DEMO_MEDIA_CONTROL === '1',
    demoHistory: env.CITYOPS_DEMO_HISTORY !== '0',
    allowedOrigins: origins(listSetting('allowed-origin', 'CITYOPS_ALLOWED_ORIGINS', values['allowed-origin'], env)),
    allowedHosts: hostNames(listSetting('allowed-host', 'CITYOPS_ALLOWED_HOSTS', values['allowed-host'], env)),
    ffmpegPath: str(values.ffmpeg) || env.CITYOPS_FFMPEG || 'ffmpeg',
    gatewayIdleMs: positiveNumber('CITYOPS_GATEWAY_IDLE_S', env.CITYOPS_GATEWAY_IDLE_S, 30) * 1000,
    rtc: rtcNetwork(values, env),
    ws: wsLimits(values, env),
    backups: backupConfig(values, env, dataDir),
    lowDisk: lowDiskConfig(env),
    log: hubLogConfig(env),
    reports: reportConfig(values, env, dataDir),
    chiefScore: chiefScoreConfig(env),
  };
}

/** A whole number within [min, max], named by the flag or variable it came from. */
function wholeNumber(
  flag: string,
  envName: string,
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  range: { fallback: number; min: number; max: number },
): number {
  const flagValue = values[flag];
  if (flagValue === true || flagValue === '') throw new ConfigError(`--${flag} needs a value`);
  const [source, raw] = typeof flagValue === 'string' ? [`--${flag}`, flagValue] : [envName, env[envName] ?? ''];
  if (raw.trim() === '') return range.fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw new ConfigError(`${source} must be a whole number from ${range.min} to ${range.max}, got "${raw}"`);
  }
  return n;
}

function wsLimits(values: Record<string, unknown>, env: NodeJS.ProcessEnv): WsLimits {
  const count = (fallback: number) => ({ fallback, min: 1, max: 100_000 });
  const maxPerAddress = wholeNumber('ws-max-per-address', 'CITYOPS_WS_MAX_PER_ADDRESS', values, env, count(32));
  const maxTotal = wholeNumber('ws-max-total', 'CITYOPS_WS_MAX_TOTAL', values, env, count(512));
  if (maxPerAddress > maxTotal) {
    throw new ConfigError(
      `the WebSockets allowed per address (--ws-max-per-address / CITYOPS_WS_MAX_PER_ADDRESS, ${maxPerAddress}) exceed those allowed in total (--ws-max-total / CITYOPS_WS_MAX_TOTAL, ${maxTotal})`,
    );
  }
  // Below 5 s a console still loading on a slow link could be closed before it signs in.
  const signInS = wholeNumber('ws-sign-in-seconds', 'CITYOPS_WS_SIGN_IN_S', values, env, {
    fallback: 30,
    min: 5,
    max: 3600,
  });
  return { maxPerAddress, maxTotal, signInTimeoutMs: signInS * 1000 };
}

function rtcNetwork(values: Record<string, unknown>, env: NodeJS.ProcessEnv): RtcNetwork {
  try {
    const flagPorts = values['rtc-ports'];
    if (flagPorts === true || flagPorts === '') throw new ConfigError('--rtc-ports needs a value such as 40000-40199');
    const ports = typeof flagPorts === 'string' ? { source: '--rtc-ports', raw: flagPorts } : undefined;
    const envPorts = env.CITYOPS_RTC_PORTS ? { source: 'CITYOPS_RTC_PORTS', raw: env.CITYOPS_RTC_PORTS } : undefined;
    const range = ports ?? envPorts;
    const announce = listSetting('rtc-announce', 'CITYOPS_RTC_ANNOUNCE', values['rtc-announce'], env);
    return {
      ...(range ? { portRange: parsePortRange(range.source, range.raw) } : {}),
      announcedAddresses: parseAnnounced(announce.source, announce.values),
      tcp: values['rtc-tcp'] === true || env.CITYOPS_RTC_TCP === '1',
    };
  } catch (error) {
    if (error instanceof RtcNetworkError) throw new ConfigError(error.message);
    throw error;
  }
}
