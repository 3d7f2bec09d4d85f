import { ORDER_STATE_NAMES, isOpen } from '../../../common/domain/orders/states';
import { badRequest } from './errors';
import type { Open311Record } from './formats';
import type { Open311OrderRow, Open311Status, RequestFilter } from './open311-repo';
import { isoShanghai } from '../../../common/domain/time';
import { decimal, list, parseW3cDatetime, text, type Open311Params } from './params';

/** GeoReport v2: a request list spans at most 90 days and holds at most 1000 requests. */
export const MAX_WINDOW_MS = 90 * 24 * 3600_000;
export const MAX_REQUESTS = 1000;
export const MAX_DESCRIPTION = 4000;

/** Where the reporter's extra details start in an order's description (shown to operators, cut for Open311). */
export const FOOTER_MARK = '—— Open311 ——';

/** A POST service request, checked (the service code and workstation are resolved by the caller). */
export interface CreateParams {
  serviceCode: string;
  lat: number | null;
  lng: number | null;
  address: string;
  /** Extension: a village/residential workstation by id or name. */
  workstation: string | null;
  description: string;
  reporterName: string | null;
  phone: string | null;
  email: string | null;
  mediaUrl: string | null;
}

const PHONE = /^[0-9+\-\s]{3,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const CJK = /[\u3400-\u9fff]/;

/** Chinese names read family name first with no space; others `first last`. */
export function reporterName(first: string | undefined, last: string | undefined): string | null {
  if (first === undefined || last === undefined) return first ?? last ?? null;
  return CJK.test(first) || CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
}

export function parseCreateParams(params: Open311Params): CreateParams {
  const serviceCode = text(params, 'service_code', 16);
  if (serviceCode === undefined) throw badRequest('缺少 service_code / service_code is required');
  const lat = decimal(params, 'lat', -90, 90);
  const lng = decimal(params, 'long', -180, 180);
  if ((lat === undefined) !== (lng === undefined)) {
    throw badRequest('lat 与 long 须同时提供 / lat and long must be given together');
  }
  const address = text(params, 'address_string', 200);
  const workstation = text(params, 'workstation', 64);
  if (lat === undefined && address === undefined && workstation === undefined) {
    throw badRequest(
      '须提供位置：lat+long、address_string 或 workstation / a location is required: lat+long, address_string or workstation',
    );
  }
  const phone = text(params, 'phone', 20);
  if (phone !== undefined && !PHONE.test(phone)) throw badRequest('phone 格式无效 / phone is not a phone number');
  const email = text(params, 'email', 100);
  if (email !== undefined && !EMAIL.test(email)) throw badRequest('email 格式无效 / email is not an e-mail address');
  const mediaUrl = text(params, 'media_url', 1000);
  if (mediaUrl !== undefined && !/^https?:\/\//i.test(mediaUrl)) {
    throw badRequest('media_url 须为 http(s) 地址 / media_url must be an http(s) URL');
  }
  const name = reporterName(text(params, 'first_name', 20), text(params, 'last_name', 20));
  return {
    serviceCode,
    lat: lat ?? null,
    lng: lng ?? null,
    address: address ?? '',
    workstation: workstation ?? null,
    description: text(params, 'description', MAX_DESCRIPTION) ?? '',
    reporterName: name,
    phone: phone ?? null,
    email: email ?? null,
    mediaUrl: mediaUrl ?? null,
  };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const graphemes = (s: string): string[] => Array.from(segmenter.segment(s), (g) => g.segment);

/** The order's title: the first line of the description (cut to 40 characters), else the service name. */
export function titleOf(description: string, serviceName: string): string {
  const first = graphemes(description.split(/\r?\n/)[0]?.trim() ?? '');
  if (first.length < 2) return serviceName.length >= 2 ? serviceName : `${serviceName}（Open311）`;
  return first.length > 40 ? `${first.slice(0, 39).join('')}…` : first.join('');
}

/** The description operators read: the reporter's text, then what has no column of its own (kept as text, never fetched). */
export function descriptionWithFooter(p: CreateParams): string {
  const lines = [
    p.email ? `邮箱 / e-mail: ${p.email}` : null,
    p.mediaUrl ? `媒体链接（未下载）/ media_url (not fetched): ${p.mediaUrl}` : null,
  ].filter((l): l is string => l !== null);
  if (lines.length === 0) return p.description;
  return `${p.description}${p.description ? '\n\n' : ''}${FOOTER_MARK}\n${lines.join('\n')}`;
}

/** The reporter's text alone: contact details stay inside the center. */
export function publicDescription(description: string): string | null {
  const at = description.lastIndexOf(FOOTER_MARK);
  const own = (at >= 0 ? description.slice(0, at) : description).trim();
  return own === '' ? null : own;
}

export function statusOf(row: Pick<Open311OrderRow, 'state'>): Open311Status {
  return isOpen(row.state) ? 'open' : 'closed';
}

/**
 * Who reads a request: a client with a key (`keyed`) or anyone (`public`, no key: GeoReport v2 leaves
 * reads open). The public sees only requests filed through Open311 and no words of the center's staff.
 */
export type Open311Reader = 'keyed' | 'public';

export function statusNotes(row: Open311OrderRow, reader: Open311Reader = 'keyed'): string {
  // The last history reason and the parent order are the center's notes, not the reporter's business.
  if (reader === 'public') return ORDER_STATE_NAMES[row.state].zh;
  const merged = row.state === 'merged' && row.parentCode ? `（并入工单 ${row.parentCode}）` : '';
  const reason = row.lastReason?.trim() ? `：${row.lastReason.trim()}` : '';
  return `${ORDER_STATE_NAMES[row.state].zh}${merged}${reason}`;
}

/**
 * An order as a GeoReport v2 service request. Never the reporter (name, phone, the e-mail and media
 * footer); for the public, no staff notes either.
 */
export function toServiceRequest(
  row: Open311OrderRow,
  centerName: string,
  reader: Open311Reader = 'keyed',
): Open311Record {
  return {
    service_request_id: row.code,
    status: statusOf(row),
    status_notes: statusNotes(row, reader),
    service_name: row.categoryName,
    service_code: row.categoryId,
    description: publicDescription(row.description),
    agency_responsible: row.handlerName ?? centerName,
    service_notice: null,
    requested_datetime: isoShanghai(row.createdAt),
    updated_datetime: isoShanghai(row.updatedAt),
    expected_datetime: row.deadlineAt === null ? null : isoShanghai(row.deadlineAt),
    address: row.address || row.workstationName || null,
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: null,
  };
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date filter; a bare date as end_date means the end of that day (so the day is included). */
function dateParam(params: Open311Params, name: 'start_date' | 'end_date'): number | undefined {
  const raw = text(params, name, 40);
  if (raw === undefined) return undefined;
  const ms = parseW3cDatetime(raw);
  if (ms === null) {
    throw badRequest(`${name} 须为 W3C 日期时间（如 2026-11-26T08:00:00+08:00）/ ${name} must be a W3C datetime`);
  }
  return name === 'end_date' && BARE_DATE.test(raw) ? ms + 24 * 3600_000 - 1 : ms;
}

/**
 * GET requests filters. service_request_id (comma list) overrides all others; otherwise the window is
 * start_date..end_date, defaulting to the 90 days before end_date (or now), or after start_date.
 */
export function parseRequestQuery(params: Open311Params, now: number): RequestFilter {
  const codes = list(params, 'service_request_id', 100, 40);
  if (codes) return { codes, limit: MAX_REQUESTS };
  const serviceCodes = list(params, 'service_code', 100, 16);
  const status = list(params, 'status', 2, 10);
  const bad = status?.find((s) => s !== 'open' && s !== 'closed');
  if (bad !== undefined) throw badRequest('status 只能是 open 或 closed / status must be open or closed');
  const start = dateParam(params, 'start_date');
  const end = dateParam(params, 'end_date');
  const from = start ?? (end ?? now) - MAX_WINDOW_MS;
  const to = end ?? (start === undefined ? now : start + MAX_WINDOW_MS);
  if (from > to) throw badRequest('start_date 晚于 end_date / start_date is after end_date');
  if (to - from > MAX_WINDOW_MS)
    throw badRequest('日期范围不能超过 90 天 / the date range may not span more than 90 days');
  return {
    ...(serviceCodes ? { serviceCodes } : {}),
    ...(status ? { status: status as Open311Status[] } : {}),
    from,
    to,
    limit: MAX_REQUESTS,
  };
}
