import fs from 'node:fs';
import path from 'node:path';
import { HLS_INIT, HLS_PLAYLIST, type IngestOutput } from './ffmpeg-args';

/** Files ffmpeg writes into an HLS output directory (see ffmpeg-args.ts), temporaries included. */
const OWN_FILE = new RegExp(
  `^(?:seg-\\d+\\.m4s|${HLS_PLAYLIST.replace('.', '\\.')}|${HLS_INIT.replace('.', '\\.')})(?:\\.tmp)?$`,
);

/**
 * Before each run: the HLS directories exist (owner-only) and hold nothing of an earlier run. ffmpeg
 * deletes only the segments it wrote itself, so without this every restart of a flapping camera
 * would leave its last segments behind for good; and a run stopped by SIGTERM can leave an empty
 * playlist that players would read as a broken stream. Only ffmpeg's own file names are removed.
 */
export function prepareHlsDirs(outputs: readonly IngestOutput[]): void {
  for (const output of outputs) {
    if (output.kind !== 'hls') continue;
    fs.mkdirSync(output.dir, { recursive: true, mode: 0o700 });
    for (const name of fs.readdirSync(output.dir)) {
      if (OWN_FILE.test(name)) fs.rmSync(path.join(output.dir, name), { force: true });
    }
  }
}

export function isIngestFile(name: string): boolean {
  return OWN_FILE.test(name);
}
