import fs from 'node:fs';
import path from 'node:path';
import { REPORT_FORMATS, type ReportFormat } from '../../../common/contract';
import { reportFileName } from './report-names';

/** One generated file as the folder holds it. */
export interface FolderFile {
  base: string;
  format: ReportFormat;
  bytes: number;
  /** When it was written: the hub's clock, stamped on the file (mtime). */
  writtenAt: number;
}

const FILE_RE = /^(.+)\.(pdf|xlsx)$/;

/**
 * The reports folder (`reportsDir`, default `<dataDir>/reports`): the generated files are its
 * listing — no database table, no index. A file is written beside its final name and renamed over
 * it, so a reader never sees half a report; its mtime is set to the hub's clock.
 */
export class ReportFolder {
  constructor(readonly dir: string) {}

  write(base: string, files: readonly { format: ReportFormat; data: Uint8Array }[], at: number): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    for (const f of files) {
      const dest = path.join(this.dir, reportFileName(base, f.format));
      const partial = `${dest}.partial`;
      try {
        fs.writeFileSync(partial, f.data, { mode: 0o600 });
        fs.utimesSync(partial, at / 1000, at / 1000);
        fs.renameSync(partial, dest);
      } catch (err) {
        fs.rmSync(partial, { force: true });
        throw err;
      }
    }
  }

  /** The report files in the folder (other files, and what is not a regular file, are left out). */
  files(): FolderFile[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch (err) {
      // No folder yet, or a file in its place (generation says so): nothing to list.
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw err;
    }
    const out: FolderFile[] = [];
    for (const name of names) {
      const m = FILE_RE.exec(name);
      const format = m?.[2] as ReportFormat | undefined;
      if (!m?.[1] || !format || !REPORT_FORMATS.includes(format)) continue;
      const stat = fs.lstatSync(path.join(this.dir, name), { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      out.push({ base: m[1], format, bytes: stat.size, writtenAt: Math.floor(stat.mtimeMs) });
    }
    return out;
  }

  /** The bytes of one listed file (the caller has matched `base` against files()). */
  read(base: string, format: ReportFormat): Uint8Array {
    return fs.readFileSync(path.join(this.dir, reportFileName(base, format)));
  }
}
