/**
 * The local gateway's recent access log, kept in memory so the console can show the last
 * requests without reading files. A fixed-size ring: memory stays bounded under load.
 */
import type { AccessLogEntry } from '../access-log';

/** How many entries {@link recentAccessLog} keeps. */
export const ACCESS_LOG_CAPACITY = 1000;

const ring: AccessLogEntry[] = [];
let next = 0;

/** Records one entry, dropping the oldest once {@link ACCESS_LOG_CAPACITY} is reached. */
export function rememberAccessLog(entry: AccessLogEntry): void {
  if (ring.length < ACCESS_LOG_CAPACITY) ring.push(entry);
  else ring[next] = entry;
  next = (next + 1) % ACCESS_LOG_CAPACITY;
}

/** The last (up to 1,000) access log entries of this process's local gateway, oldest first. */
export function recentAccessLog(): AccessLogEntry[] {
  if (ring.length < ACCESS_LOG_CAPACITY) return [...ring];
  return [...ring.slice(next), ...ring.slice(0, next)];
}

/** Empties the buffer (a fresh gateway starts with an empty log). */
export function clearAccessLog(): void {
  ring.length = 0;
  next = 0;
}
