/** BarChart and LineChart as small inline SVGs: enough to see the shape of the data. */
import type { BarChartProps, ChartDataRow, LineChartProps } from '@hubspot/ui-extensions';
import type { ReactElement } from 'react';
import { hostAttrs } from './util';

const palette = ['#ff7a59', '#00a4bd', '#6a78d1', '#f5c26b', '#f2547d', '#516f90', '#00bda5'];
const W = 320;
const H = 170;
const PAD = { left: 42, right: 8, top: 12, bottom: 36 };

interface Series {
  name: string;
  color: string;
  values: Map<string, number>;
}

/** Rows → x categories (in order of appearance) and one series per `groupFieldByColor` value. */
export function toSeries(props: BarChartProps | LineChartProps): { categories: string[]; series: Series[] } {
  const rows: ChartDataRow[] = Array.isArray(props.data) ? props.data : (props.data?.data ?? []);
  const { x, y, options } = props.axes;
  const groupBy = options?.groupFieldByColor;
  const categories: string[] = [];
  const byName = new Map<string, Series>();
  for (const row of rows) {
    const cat = String(row[x.field] ?? '');
    if (!categories.includes(cat)) categories.push(cat);
    const name = groupBy ? String(row[groupBy] ?? '') : (y.label ?? y.field);
    let s = byName.get(name);
    if (!s) {
      s = { name, color: palette[byName.size % palette.length] ?? '#516f90', values: new Map() };
      byName.set(name, s);
    }
    const v = Number(row[y.field]);
    s.values.set(cat, (s.values.get(cat) ?? 0) + (Number.isFinite(v) ? v : 0));
  }
  return { categories, series: [...byName.values()] };
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

function Frame(props: {
  kind: 'BarChart' | 'LineChart';
  chart: BarChartProps | LineChartProps;
  children: (g: Geometry) => ReactElement;
}) {
  const { categories, series } = toSeries(props.chart);
  const max = Math.max(1, ...series.flatMap((s) => [...s.values.values()]));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const g: Geometry = {
    categories,
    series,
    band: plotW / Math.max(1, categories.length),
    xOf: (i) => PAD.left + (plotW / Math.max(1, categories.length)) * (i + 0.5),
    yOf: (v) => PAD.top + plotH - (v / max) * plotH,
  };
  const title = props.chart.options?.title;
  return (
    <figure {...hostAttrs(props.kind, props.chart)} className="hs-chart">
      {title && <figcaption>{title}</figcaption>}
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title ?? props.kind}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={g.yOf(max * f)} y2={g.yOf(max * f)} className="grid" />
            <text x={PAD.left - 4} y={g.yOf(max * f) + 3} textAnchor="end" className="tick">
              {compact.format(max * f)}
            </text>
          </g>
        ))}
        {props.children(g)}
        {categories.map((c, i) => (
          <text key={c} x={g.xOf(i)} y={H - PAD.bottom + 14} textAnchor="middle" className="tick">
            {c.length > 6 ? c.slice(0, 6) : c}
          </text>
        ))}
      </svg>
      {(props.chart.options?.showLegend ?? series.length > 1) && (
        <div className="legend">
          {series.map((s) => (
            <span key={s.name}>
              <i style={{ background: s.color }} />
              {s.name}
            </span>
          ))}
        </div>
      )}
    </figure>
  );
}

interface Geometry {
  categories: string[];
  series: Series[];
  band: number;
  xOf(i: number): number;
  yOf(v: number): number;
}

export function BarChart(props: BarChartProps) {
  return (
    <Frame kind="BarChart" chart={props}>
      {(g) => {
        const n = Math.max(1, g.series.length);
        const barW = (g.band * 0.7) / n;
        return (
          <g>
            {g.series.flatMap((s, si) =>
              g.categories.map((c, i) => {
                const v = s.values.get(c) ?? 0;
                const x = g.xOf(i) - (g.band * 0.7) / 2 + si * barW;
                return (
                  <rect
                    key={`${s.name}-${c}`}
                    x={x}
                    y={g.yOf(v)}
                    width={Math.max(1, barW - 1)}
                    height={g.yOf(0) - g.yOf(v)}
                    fill={s.color}
                  >
                    <title>{`${c}: ${v}`}</title>
                  </rect>
                );
              }),
            )}
          </g>
        );
      }}
    </Frame>
  );
}

export function LineChart(props: LineChartProps) {
  return (
    <Frame kind="LineChart" chart={props}>
      {(g) => (
        <g>
          {g.series.map((s) => (
            <polyline
              key={s.name}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              points={g.categories.map((c, i) => `${g.xOf(i)},${g.yOf(s.values.get(c) ?? 0)}`).join(' ')}
            />
          ))}
        </g>
      )}
    </Frame>
  );
}
