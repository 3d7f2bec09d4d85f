import { strFromU8, unzipSync } from 'fflate';

/** A workbook's first sheet as the tests read it: the shared strings and the sheet's XML. */
export interface XlsxSheet {
  strings: string[];
  xml: string;
}

/** The parts of an XLSX package by name; a missing part throws, naming it. */
export function xlsxParts(data: Uint8Array): (name: string) => string {
  const parts = unzipSync(data);
  return (name) => {
    const p = parts[name];
    if (!p) throw new Error(`missing ${name}`);
    return strFromU8(p);
  };
}

/** The shared strings in order (the writer emits plain `<si><t>` items). */
export function xlsxSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1] ?? '');
}

export function xlsxFirstSheet(data: Uint8Array): XlsxSheet {
  const part = xlsxParts(data);
  return { strings: xlsxSharedStrings(part('xl/sharedStrings.xml')), xml: part('xl/worksheets/sheet1.xml') };
}

/** A cell's shown value (shared strings resolved), or null when the sheet has no such cell. */
export function xlsxCell(sheet: XlsxSheet, ref: string): string | null {
  const m = new RegExp(`<c r="${ref}"([^>]*)><v>([^<]*)</v></c>`).exec(sheet.xml);
  if (!m) return null;
  return m[1]!.includes('t="s"') ? (sheet.strings[Number(m[2])] ?? null) : (m[2] ?? null);
}
