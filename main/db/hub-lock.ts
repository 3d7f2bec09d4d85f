import fs from 'node:fs';
import path from 'node:path';

/** Written by a running hub into its data folder: its process id. `npm run restore` refuses while it is there. */
export const HUB_LOCK_FILE = 'hub.lock';

/**
 * Marks the data folder as in use by this process until the returned release is called (the hub's close).
 * A lock left by a crashed hub is simply replaced: only a live process counts (`runningHubPid`).
 */
export function holdHubLock(dataDir: string): () => void {
  const file = path.join(dataDir, HUB_LOCK_FILE);
  fs.writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}

/** The process id of a hub holding the data folder, or null when none is running (no lock, or a stale one). */
export function runningHubPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, HUB_LOCK_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
