/** Durations as the session log and its CSV write them (CONTRACT 6). */

/** `h:mm:ss` of a duration in milliseconds (whole seconds, rounded down; hours may exceed 24). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}`;
}
