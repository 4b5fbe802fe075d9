/** Time display helpers. All inputs are ms since the epoch or durations in ms. */

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `14:03:27.412` in local time: the resolution traders compare event times at. */
export function formatClockMs(timeMs: number): string {
  const d = new Date(timeMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `14:03:27` in local time. */
export function formatClock(timeMs: number): string {
  const d = new Date(timeMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `2026-11-23 14:03:27` in local time. */
export function formatDateTime(timeMs: number): string {
  const d = new Date(timeMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(timeMs)}`;
}

/** A duration for people: `45s`, `12m 05s`, `3h 04m`. Negative durations show as `0s`. */
export function formatDuration(durationMs: number): string {
  const totalS = Math.max(0, Math.floor(durationMs / 1000));
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** A latency: `38 ms`, `1.24 s`. */
export function formatLatency(latencyMs: number): string {
  if (Math.abs(latencyMs) < 1000) return `${Math.round(latencyMs)} ms`;
  return `${(latencyMs / 1000).toFixed(2)} s`;
}
