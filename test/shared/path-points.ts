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

/** A rectangle of a bars path. */
export interface PathRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The rectangles of a bars path, `M x,y h w v h h -w z` each, in order; throws on anything else
 * (a path that stopped being plain rectangles should fail loudly, not be half read).
 */
export function pathRects(d: string): PathRect[] {
  const rects: PathRect[] = [];
  const number = '(-?[\\d.]+(?:e-?\\d+)?)';
  const one = new RegExp(`^M${number},${number}h${number}v${number}h${number}z`);
  let rest = d;
  while (rest) {
    const m = one.exec(rest);
    if (!m) throw new Error(`not a rectangle at: ${rest.slice(0, 40)}`);
    const [x, y, width, height, back] = m.slice(1).map(Number);
    if (back !== -width) throw new Error(`an open rectangle at: ${m[0]}`);
    rects.push({ x, y, width, height });
    rest = rest.slice(m[0].length);
  }
  return rects;
}

/** The points of several strips of one line, each strip starting where the last ended (the shared point once). */
export function stripPoints(strips: readonly string[]): [number, number][] {
  const points: [number, number][] = [];
  for (const d of strips) {
    const part = pathPoints(d);
    const last = points.at(-1);
    if (last && part.length && part[0][0] === last[0] && part[0][1] === last[1]) part.shift();
    points.push(...part);
  }
  return points;
}
