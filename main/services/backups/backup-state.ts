import fs from 'node:fs';
import { z } from 'zod';

const bilingual = z.object({ zh: z.string(), en: z.string() });

const stateSchema = z.object({
  lastSuccess: z.object({ at: z.number(), name: z.string(), bytes: z.number() }).nullable(),
  lastFailure: z.object({ at: z.number(), reason: bilingual }).nullable(),
  /** Backups this hub wrote and checked (integrity_check on the copy): name → when. */
  verified: z.record(z.string(), z.number()),
});
export type BackupState = z.infer<typeof stateSchema>;

const EMPTY: BackupState = { lastSuccess: null, lastFailure: null, verified: {} };

/**
 * The backups' state, kept in a small JSON file in the data folder — not in the database (a failed write
 * there must still be recorded) and not in the backups folder (its being unwritable is one of the failures
 * recorded). A missing or unreadable file is an empty state.
 */
export class BackupStateFile {
  constructor(private readonly file: string) {}

  read(): BackupState {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : { ...EMPTY, verified: {} };
    } catch {
      return { ...EMPTY, verified: {} };
    }
  }

  /** Written whole to a temporary file and renamed, so a crash leaves the old state or the new one. */
  write(state: BackupState): void {
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
