import { spawn } from 'node:child_process';

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

/** Spawns the real program: no shell, no stdin, output read as UTF-8 text. */
export const nodeSpawner: Spawner = (command, args) => {
  const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
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
