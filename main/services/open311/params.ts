import { SHANGHAI_OFFSET_MS } from '../../../common/domain/time';
import { badRequest } from './errors';

/**
 * Request parameters of a GeoReport v2 call: query string, then the body (form or JSON) on top.
 * A Map, so that a key such as `__proto__` is only ever data.
 */
export type Open311Params = ReadonlyMap<string, unknown>;

export function paramsFromSearch(search: URLSearchParams): Map<string, unknown> {
  const params = new Map<string, unknown>();
  // The first occurrence wins, as most form readers do.
  for (const [k, v] of search) if (!params.has(k)) params.set(k, v);
  return params;
}

export function paramsFromJson(body: unknown): Map<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('请求体须为 JSON 对象 / the JSON body must be an object');
  }
  return new Map(Object.entries(body));
}

/** Control characters other than tab and line breaks: never text a person wrote (NUL also cuts SQLite's length()). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A trimmed text parameter; absent or blank is undefined. Numbers are accepted as their text. */
export function text(params: Open311Params, name: string, max: number): string | undefined {
  const raw = params.get(name);
  if (raw === undefined || raw === null) return undefined;
  let value: string;
  if (typeof raw === 'string') value = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw);
  else throw badRequest(`${name} 须为字符串 / ${name} must be a string`);
  if (value === '') return undefined;
  if (CONTROL.test(value)) {
    throw badRequest(`${name} 含有控制字符 / ${name} contains control characters`);
  }
  if (value.length > max) throw badRequest(`${name} 超过 ${max} 个字符 / ${name} is longer than ${max} characters`);
  return value;
}

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

/** A decimal parameter within [min, max]; absent or blank is undefined. */
export function decimal(params: Open311Params, name: string, min: number, max: number): number | undefined {
  const raw = text(params, name, 40);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!DECIMAL.test(raw) || !Number.isFinite(value) || value < min || value > max) {
    throw badRequest(`${name} 须为 ${min}…${max} 之间的数 / ${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

/** A comma-delimited list parameter (GeoReport v2 lets several values share one parameter). */
export function list(params: Open311Params, name: string, maxItems: number, maxLength: number): string[] | undefined {
  const raw = text(params, name, maxItems * (maxLength + 1));
  if (raw === undefined) return undefined;
  const items = [...new Set(raw.split(',').map((s) => s.trim()))].filter((s) => s !== '');
  if (items.length > maxItems)
    throw badRequest(`${name} 最多 ${maxItems} 个值 / at most ${maxItems} values of ${name}`);
  const long = items.find((s) => s.length > maxLength);
  if (long !== undefined) throw badRequest(`${name} 的值过长 / a value of ${name} is too long`);
  return items.length ? items : undefined;
}

const W3C_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+\- ]\d{2}(?::?\d{2})?)?$/i;

/**
 * A W3C datetime (ISO 8601 profile) as the spec's start_date/end_date give it. Without an offset the
 * time is Shanghai local time; a bare date means its midnight there. An unencoded `+` in a query string
 * arrives as a space (`…10:00:00 08:00`) and is read as the `+` it was.
 */
export function parseW3cDatetime(value: string): number | null {
  const m = W3C_DATETIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const ints = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = ints;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 31 February over into March: refuse dates that do not exist.
  if (new Date(local).getUTCDate() !== day) return null;
  let offsetMs = SHANGHAI_OFFSET_MS;
  if (zone !== undefined && zone.toUpperCase() === 'Z') offsetMs = 0;
  else if (zone !== undefined) {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 14 || om > 59) return null;
    offsetMs = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return local - offsetMs;
}
