import path from 'node:path';
import { format } from 'node:util';
import { MASK, maskSecrets } from '../../common/domain/cameras/stream-url';
import type { Clock } from '../clock';
import { HUB_LOG_DIR, HubLog, type HubLogPolicy } from './hub-log';

const LEVELS = { log: 'INFO', info: 'INFO', debug: 'DEBUG', warn: 'WARN', error: 'ERROR' } as const;
type Level = keyof typeof LEVELS;

/** `password: x`, `"token":"x"`, `apiKey=x`, `Authorization: Bearer x`: the value of a secret-looking key. */
const KEYED_SECRET =
  /((?:password|passwd|pwd|secret|token|api[_-]?key|authorization|credential|cookie|sealKey|secretKey)["']?\s*[:=]\s*)(?:Bearer\s+|Basic\s+)?("[^"]*"|'[^']*'|[^\s,;}&]+)/gi;

/**
 * What the hub's log file may hold of a line: camera URL credentials and secret query values masked
 * (common/domain/cameras/stream-url.ts, as the gateway's own redactor does), and any value written after a
 * secret-looking key. The gateway already redacts each camera's own secrets; this is the net under everything else.
 */
export function redactLogText(text: string): string {
  return maskSecrets(text).replace(KEYED_SECRET, (_all, head: string) => `${head}${MASK}`);
}

/**
 * Copies everything the hub prints through `console` (its output: starts, warnings, faults) into its log file,
 * redacted, while the output itself goes on as before. Answers the undo.
 */
export function teeConsole(log: Pick<HubLog, 'write'>, target: Console = console): () => void {
  const originals = new Map<Level, (...args: unknown[]) => void>();
  for (const level of Object.keys(LEVELS) as Level[]) {
    const original = target[level].bind(target) as (...args: unknown[]) => void;
    originals.set(level, original);
    target[level] = (...args: unknown[]) => {
      original(...args);
      try {
        log.write(`${LEVELS[level]} ${redactLogText(format(...args))}`);
      } catch {
        // HubLog.write does not throw; a formatter that does must not take the hub's output down with it.
      }
    };
  }
  return () => {
    for (const [level, original] of originals) target[level] = original;
  };
}

/** For a secret shown once on the hub's own screen (the generated admin password): never into the log file. */
export function printOnScreenOnly(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * The shells' hub log: `<data folder>/logs/hub.log`, rotated and pruned by the policy, fed by the hub's console
 * output. A failure of the file is told once on stderr (straight, not through the tee). Answers the stop.
 */
export function startHubLog(dataDir: string, policy: HubLogPolicy, clock: Clock = Date.now): () => void {
  const log = new HubLog({
    dir: path.join(dataDir, HUB_LOG_DIR),
    policy,
    clock,
    onError: (err) =>
      process.stderr.write(
        `[cityops] 日志文件写入失败（稍后重试）/ the log file could not be written (retried later): ${String(err)}\n`,
      ),
  });
  const untee = teeConsole(log);
  return () => {
    untee();
    log.close();
  };
}
