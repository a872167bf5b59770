/** The points of an SVG path of absolute M, L, H and V commands (the chart's lines and steps). */
export function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const n = args.split(/[ ,]+/).filter(Boolean).map(Number);
    if (cmd === 'M' || cmd === 'L') [x, y] = n;
    else if (cmd === 'H') x = n[0];
    else if (cmd === 'V') y = n[0];
    else continue;
    points.push([x, y]);
  }
  return points;
}
