/**
 * The two response formats of GeoReport v2, chosen by the `.json` / `.xml` suffix of every endpoint.
 * XML is written by hand: a fixed vocabulary of element names (ours) around escaped text (theirs).
 */
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export type Open311Scalar = string | number | boolean | null;
export interface Open311Record {
  readonly [field: string]: Open311Scalar | readonly Open311Record[];
}

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: Open311Scalar | readonly Open311Record[]): string {
  if (!XML_NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null) return `<${name}></${name}>`;
  if (typeof value === 'object') {
    // A list field holds elements named by its singular: <attributes><attribute>…</attribute></attributes>.
    const child = name.endsWith('s') ? name.slice(0, -1) : `${name}_item`;
    return `<${name}>${value.map((r) => record(child, r)).join('')}</${name}>`;
  }
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

function record(name: string, fields: Open311Record): string {
  return `<${name}>${Object.entries(fields)
    .map(([k, v]) => element(k, v))
    .join('')}</${name}>`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** A list response: a JSON array, or `<root><item>…</item>…</root>` (services/service, service_requests/request, errors/error). */
export function writeList(format: Open311Format, root: string, item: string, items: readonly Open311Record[]): string {
  if (format === 'json') return JSON.stringify(items);
  return `${XML_DECLARATION}<${root}>${items.map((r) => record(item, r)).join('')}</${root}>\n`;
}

/** A single-object response (the service definition): a JSON object, or `<root>…</root>`. */
export function writeObject(format: Open311Format, root: string, fields: Open311Record): string {
  if (format === 'json') return JSON.stringify(fields);
  return `${XML_DECLARATION}${record(root, fields)}\n`;
}
