import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** What the supervisor needs of a child process; a fake in unit tests, ffmpeg otherwise. */
export interface IngestProcess {
  readonly pid: number | undefined;
  onStdout(listener: (text: string) => void): void;
  onStderr(listener: (text: string) => void): void;
  /** Called once: the exit, or a spawn failure (no such program) with code null and the error. */
  onExit(listener: (code: number | null, signal: string | null, error?: Error) => void): void;
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
}

export type Spawner = (command: string, args: readonly string[]) => IngestProcess;

const SETPRIV = '/usr/bin/setpriv';

/**
 * On Linux, the command wrapped in util-linux's `setpriv --pdeathsig SIGKILL` (which then execs it,
 * same pid): the kernel kills ffmpeg when the hub's process dies. Without it a crashed or
 * SIGKILLed hub leaves every ffmpeg pulling its camera forever (ffmpeg 5.1 ignores its closed
 * stdout pipe). Elsewhere, or without setpriv, the command as given.
 */
export function withParentDeathSignal(
  command: string,
  args: readonly string[],
  platform: NodeJS.Platform = process.platform,
  hasSetpriv: () => boolean = () => fs.existsSync(SETPRIV),
): [string, string[]] {
  if (platform === 'linux' && hasSetpriv()) return [SETPRIV, ['--pdeathsig', 'SIGKILL', '--', command, ...args]];
  return [command, [...args]];
}

/** Spawns the real program: no shell, no stdin, output read as UTF-8 text, killed with the hub. */
export const nodeSpawner: Spawner = (program, programArgs) => {
  const [command, args] = withParentDeathSignal(program, programArgs);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  let exited = false;
  const exitListeners: ((code: number | null, signal: string | null, error?: Error) => void)[] = [];
  const finish = (code: number | null, signal: string | null, error?: Error): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code, signal, error);
  };
  child.once('error', (error) => finish(null, null, error));
  // 'close' rather than 'exit': by then stdout and stderr are drained, so the last error line is in.
  child.once('close', (code, signal) => finish(code, signal));
  return {
    pid: child.pid,
    onStdout: (listener) => child.stdout.on('data', listener),
    onStderr: (listener) => child.stderr.on('data', listener),
    onExit: (listener) => exitListeners.push(listener),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
};
