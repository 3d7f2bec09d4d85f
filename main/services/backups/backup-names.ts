import { dayNumber, dayStart, shanghaiParts } from '../../../common/domain/time';

/**
 * Why a backup exists: the hub's schedule (or an administrator's "back up now"), an upgrade of the schema, or a
 * restore from the console (the database as it was just before, to undo the restore with).
 */
export type BackupOrigin = 'scheduled' | 'pre-upgrade' | 'pre-restore';

export interface BackupName {
  name: string;
  /** The instant in the name (Shanghai wall time, to the second). */
  at: number;
  origin: BackupOrigin;
}

/**
 * `cityops-20261203-030000.sqlite` (scheduled or made on request), `cityops-20261203-030000-pre-upgrade.sqlite`
 * and `cityops-20261203-030000-pre-restore.sqlite`: the time in the name is Shanghai time, so a folder listing
 * sorts by time and an operator reads the date the console shows. Nothing else in the folder is a backup.
 */
const NAME_RE = /^cityops-(\d{8}-\d{6})(-pre-upgrade|-pre-restore)?\.sqlite$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20261203-030000`: an instant's Shanghai wall time to the second, as backup and rotated log names carry it. */
export function shanghaiStamp(at: number): string {
  const p = shanghaiParts(at);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

const STAMP_RE = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/;

/** The instant a `shanghaiStamp` stands for, or null when it is not a real time. */
export function parseShanghaiStamp(stamp: string): number | null {
  const m = STAMP_RE.exec(stamp);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const day = dayNumber(`${pad(y, 4)}-${pad(mo)}-${pad(d)}`);
  if (day === null || h > 23 || mi > 59 || s > 59) return null;
  return dayStart(day) + ((h * 60 + mi) * 60 + s) * 1000;
}

export function backupFileName(at: number, origin: BackupOrigin): string {
  return `cityops-${shanghaiStamp(at)}${origin === 'scheduled' ? '' : `-${origin}`}.sqlite`;
}

/** The backup a file name stands for, or null when the name is not one the hub writes (hostile text included). */
export function parseBackupName(name: string): BackupName | null {
  const m = NAME_RE.exec(name);
  const at = m?.[1] === undefined ? null : parseShanghaiStamp(m[1]);
  if (!m || at === null) return null;
  const origin: BackupOrigin =
    m[2] === '-pre-upgrade' ? 'pre-upgrade' : m[2] === '-pre-restore' ? 'pre-restore' : 'scheduled';
  return { name, at, origin };
}
