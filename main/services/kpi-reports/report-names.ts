import {
  CENTER_SCOPE_NAME,
  REPORT_KIND_NAMES,
  type OrgUnit,
  type ReportFormat,
  type ReportKind,
} from '../../../common/contract';
import { dayNumber } from '../../../common/domain/time';
import { periodOfDay, type ReportPeriod } from './report-period';

/** What a report's name says: its kind, its period and its scope. */
export interface ParsedReportName {
  period: ReportPeriod;
  stationId: string | null;
  scopeName: string;
}

const MAX_SCOPE_CHARS = 40;

/**
 * A station's name as it may stand in a file name: path separators, dots, the characters Windows
 * refuses and control characters become "_" (reportNameSchema accepts exactly what this leaves).
 */
export function scopeWord(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = Array.from(name.replace(/[\\/:*?"<>|.\u0000-\u001f\u007f]/g, '_').trim())
    .slice(0, MAX_SCOPE_CHARS)
    .join('');
  return safe === '' ? '_' : safe;
}

/** The scope of a report: the center, or a station (its name made safe for a file name). */
export function scopeNameOf(stationId: string | null, units: readonly OrgUnit[]): string {
  if (stationId === null) return CENTER_SCOPE_NAME;
  const station = units.find((u) => u.id === stationId);
  return scopeWord(station?.name ?? stationId);
}

/** `日报-2026-12-02-全中心`: the kind, the period's first day, the scope. */
export function reportBaseName(period: ReportPeriod, scopeName: string): string {
  return `${REPORT_KIND_NAMES[period.kind]}-${period.firstDate}-${scopeName}`;
}

export function reportFileName(base: string, format: ReportFormat): string {
  return `${base}.${format}`;
}

const NAME_RE = /^(日报|周报)-(\d{4}-\d{2}-\d{2})-(.+)$/;

/**
 * What a file's base name says, or null when it is not one the hub writes: a kind word, a real date
 * that starts such a period (a weekly report's Monday), and the center's or a station's scope word.
 */
export function parseReportName(base: string, units: readonly OrgUnit[]): ParsedReportName | null {
  const m = NAME_RE.exec(base);
  if (!m) return null;
  const kind: ReportKind = m[1] === '日报' ? 'daily' : 'weekly';
  const day = dayNumber(m[2] ?? '');
  if (day === null) return null;
  const period = periodOfDay(kind, day);
  if (period.firstDate !== m[2]) return null;
  const scopeName = m[3] ?? '';
  if (scopeName === CENTER_SCOPE_NAME) return { period, stationId: null, scopeName };
  const station = units.find((u) => u.kind === 'station' && scopeWord(u.name) === scopeName);
  return station ? { period, stationId: station.id, scopeName } : null;
}
