/**
 * CPU time of a process tree from /proc (Linux): the wall benchmark measures everything Chromium
 * spends on a wall — renderer, GPU/compositor, network and utility processes — without asking
 * the page, whose own timers would be part of what is measured.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcStat {
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // exited meanwhile
  }
}

/** CPU seconds used so far by each process under `root` (not `root` itself), minus `exclude` subtrees. */
export function treeCpu(root: number, exclude: readonly number[] = []): Map<number, number> {
  const stats = new Map<number, ProcStat>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const result = new Map<number, number>();
  const stack = [...(children.get(root) ?? [])].filter((pid) => !exclude.includes(pid));
  while (stack.length > 0) {
    const pid = stack.pop()!;
    result.set(pid, (stats.get(pid)?.ticks ?? 0) / clockTicks());
    for (const child of children.get(pid) ?? []) stack.push(child);
  }
  return result;
}

/** CPU seconds used so far by one process (all its threads); 0 when it is gone. */
export function processCpu(pid: number): number {
  return (readStat(pid)?.ticks ?? 0) / clockTicks();
}

/** The command name of a process (/proc/<pid>/comm), '' when it is gone. */
export function processName(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** CPU seconds spent between two treeCpu() readings (processes born meanwhile count in full). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, total] of after) seconds += Math.max(0, total - (before.get(pid) ?? 0));
  return seconds;
}
