/**
 * CPU time of a process tree from Linux's /proc (user + system), so the gateway benchmark can
 * report CPU per request: on a shared machine wall-clock latency is noisy, CPU time much less so.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime/stime (USER_HZ, 100 on every mainstream Linux). */
const USER_HZ = 100;

function stat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may itself contain spaces).
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return undefined;
  }
}

/**
 * Microseconds of CPU used so far by `pid` and its direct children (nginx's workers), or
 * undefined where /proc is missing. Resolution is one clock tick (10 ms).
 */
export function treeCpuMicros(pid: number): number | undefined {
  const own = stat(pid);
  if (!own) return undefined;
  let ticks = own.ticks;
  for (const entry of readdirSync('/proc')) {
    const child = /^\d+$/.test(entry) ? stat(Number(entry)) : undefined;
    if (child && child.ppid === pid) ticks += child.ticks;
  }
  return (ticks * 1e6) / USER_HZ;
}
