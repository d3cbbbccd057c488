/**
 * A small SVG line chart (logarithmic axes) for the benchmark page. Written by hand rather than with a
 * charting package: the page needs two static charts, and the output must be deterministic text that
 * diffs cleanly when the numbers do not change.
 */
export type Series = {
  name: string;
  points: readonly (readonly [x: number, y: number])[];
  color: string;
  dashed?: boolean;
};

/** A horizontal reference line, e.g. a time limit. */
export type Guide = { y: number; label: string; color: string };

export type ChartSpec = {
  title: string;
  guides?: readonly Guide[];
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  width?: number;
  height?: number;
};

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** Decades covering [min, max], e.g. 10, 100, 1000. */
export function decades(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) out.push(10 ** e);
  return out;
}

export function tickLabel(v: number): string {
  if (v >= 1_000_000) return `${v / 1_000_000}M`;
  if (v >= 1_000) return `${v / 1_000}k`;
  return String(v);
}

export function renderLineChart(spec: ChartSpec): string {
  const width = spec.width ?? 760;
  const height = spec.height ?? 420;
  const m = { top: 40, right: 230, bottom: 50, left: 70 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  // Log axes cannot show zero or negatives: such points are dropped, not bent.
  const pts = spec.series.flatMap((s) => s.points.filter(([x, y]) => x > 0 && y > 0));
  if (pts.length === 0) throw new Error(`chart "${spec.title}" has no positive points`);
  const guides = (spec.guides ?? []).filter((g) => g.y > 0);
  const yValues = [...pts.map((p) => p[1]), ...guides.map((g) => g.y)];
  const xs = decades(Math.min(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[0])));
  const ys = decades(Math.min(...yValues), Math.max(...yValues));
  const [x0, x1] = [Math.log10(xs[0] ?? 1), Math.log10(xs[xs.length - 1] ?? 10)];
  const [y0, y1] = [Math.log10(ys[0] ?? 1), Math.log10(ys[ys.length - 1] ?? 10)];
  const sx = (x: number) => m.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * plotW;
  const sy = (y: number) => m.top + plotH - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(spec.title)}">`,
  );
  // Screen readers and biome's a11y lint (noSvgWithoutTitle) need a title as the svg's first child.
  out.push(`<title>${esc(spec.title)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${m.left}" y="22" font-size="15" font-weight="bold">${esc(spec.title)}</text>`);
  for (const x of xs) {
    const px = fmt(sx(x));
    out.push(`<line x1="${px}" y1="${m.top}" x2="${px}" y2="${m.top + plotH}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${px}" y="${m.top + plotH + 16}" text-anchor="middle">${tickLabel(x)}</text>`);
  }
  for (const y of ys) {
    const py = fmt(sy(y));
    out.push(`<line x1="${m.left}" y1="${py}" x2="${m.left + plotW}" y2="${py}" stroke="#e5e5e5"/>`);
    out.push(
      `<text x="${m.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${tickLabel(y)}</text>`,
    );
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888888"/>`,
  );
  out.push(
    `<text x="${m.left + plotW / 2}" y="${height - 12}" text-anchor="middle">${esc(spec.xLabel)}</text>`,
  );
  out.push(
    `<text transform="translate(16 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(spec.yLabel)}</text>`,
  );
  for (const g of guides) {
    const py = fmt(sy(g.y));
    out.push(
      `<line x1="${m.left}" y1="${py}" x2="${m.left + plotW}" y2="${py}" stroke="${g.color}" stroke-dasharray="2 3"/>`,
    );
    out.push(`<text x="${m.left + 6}" y="${fmt(sy(g.y) - 5)}" fill="${g.color}">${esc(g.label)}</text>`);
  }
  spec.series.forEach((s, i) => {
    const ps = s.points.filter(([x, y]) => x > 0 && y > 0);
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    if (ps.length > 1) {
      const d = ps.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${fmt(sx(x))} ${fmt(sy(y))}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    }
    for (const [x, y] of ps) {
      out.push(
        `<circle cx="${fmt(sx(x))}" cy="${fmt(sy(y))}" r="3.5" fill="${s.color}"><title>${esc(s.name)}: ${fmt(y)} at ${fmt(x)}</title></circle>`,
      );
    }
    const ly = m.top + 10 + i * 20;
    const lx = m.left + plotW + 16;
    out.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
    );
    out.push(`<text x="${lx + 30}" y="${ly}" dominant-baseline="middle">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
