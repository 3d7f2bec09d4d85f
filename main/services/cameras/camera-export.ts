import type { Camera } from '../../../common/contract';
import { CAMERA_COLUMN_KEYS, CAMERA_COLUMNS, ENABLED_TEXT, type CameraColumnKey } from '../../../common/domain/cameras';
import { formatShanghai } from '../../../common/domain/time';
import { writeCsv } from '../../../common/formats/csv';

export type CameraFileFormat = 'csv' | 'json';

export interface CameraFile {
  fileName: string;
  mime: string;
  data: Buffer;
  rows: number;
}

const MIME: Record<CameraFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * A workstation is written by name (readable in a spreadsheet) when no other workstation shares it,
 * else by id; the import reads either.
 */
function workstationCell(workstations: readonly { id: string; name: string }[]): (c: Camera) => string {
  const count = new Map<string, number>();
  for (const w of workstations) count.set(w.name, (count.get(w.name) ?? 0) + 1);
  return (c) => (count.get(c.workstationName) === 1 ? c.workstationName : c.workstationId);
}

function cells(c: Camera, workstation: (c: Camera) => string): Record<CameraColumnKey, string> {
  return {
    id: c.id,
    name: c.name,
    code: c.code ?? '',
    workstation: workstation(c),
    // Masked: credentials read *** and stay in the hub; re-importing keeps them.
    mainUrl: c.mainUrl,
    subUrl: c.subUrl ?? '',
    protocol: c.protocol,
    tags: c.tags.join(';'),
    enabled: ENABLED_TEXT[c.enabled ? 'true' : 'false'],
  };
}

/** The cameras as a file with exactly the import's columns, so an export re-imports unchanged. */
export function exportCameras(
  cameras: readonly Camera[],
  workstations: readonly { id: string; name: string }[],
  format: CameraFileFormat,
  now: number,
): CameraFile {
  const stamp = formatShanghai(now).replace(/[-:]/g, '').replace(' ', '-');
  const fileName = `摄像机导出-${stamp}.${format}`;
  const workstation = workstationCell(workstations);
  if (format === 'csv') {
    const header = CAMERA_COLUMN_KEYS.map((k) => CAMERA_COLUMNS[k].zh);
    const rows = cameras.map((c) => {
      const row = cells(c, workstation);
      return CAMERA_COLUMN_KEYS.map((k) => row[k]);
    });
    return { fileName, mime: MIME.csv, data: Buffer.from(writeCsv(header, rows), 'utf8'), rows: cameras.length };
  }
  const list = cameras.map((c) => ({
    ...cells(c, workstation),
    code: c.code,
    subUrl: c.subUrl,
    tags: c.tags,
    enabled: c.enabled,
  }));
  const doc = { format: 'cityops-cameras', version: 1, exportedAt: formatShanghai(now), cameras: list };
  return {
    fileName,
    mime: MIME.json,
    data: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8'),
    rows: cameras.length,
  };
}
