import { describe, expect, it } from 'vitest';
import { decades, renderLineChart, tickLabel } from './chart';

describe('decades', () => {
  it.each([
    [12, 1_200, [10, 100, 1_000, 10_000]],
    [1, 10, [1, 10]],
    [3, 3, [1, 10]],
  ])('%i..%i', (min, max, expected) => {
    expect(decades(min, max)).toEqual(expected);
  });
});

describe('tick labels', () => {
  it.each([
    [10, '10'],
    [1_000, '1k'],
    [50_000, '50k'],
    [1_000_000, '1M'],
  ])('%i → %s', (v, label) => expect(tickLabel(v)).toBe(label));
});

describe('line chart', () => {
  const spec = {
    title: 'Calls <against> size',
    xLabel: 'slices',
    yLabel: 'calls',
    series: [
      {
        name: 'measured',
        color: '#1f77b4',
        points: [
          [12, 5],
          [120, 8],
          [1_200, 40],
        ] as const,
      },
      {
        name: 'naive',
        color: '#d62728',
        dashed: true,
        points: [
          [12, 13],
          [120, 121],
          [1_200, 1_206],
        ] as const,
      },
    ],
  };

  it('is a well-formed SVG with one path and one legend entry per series, and escapes text', () => {
    const svg = renderLineChart(spec);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // Accessible: role, label and a non-empty <title> as the first child (biome noSvgWithoutTitle).
    expect(svg).toMatch(
      /^<svg [^>]*role="img" aria-label="Calls &lt;against&gt; size">\n?<title>Calls &lt;against&gt; size<\/title>/,
    );
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain('Calls &lt;against&gt; size');
    expect(svg).toContain('stroke-dasharray');
  });

  it('puts larger values higher and further right', () => {
    const svg = renderLineChart({ ...spec, series: [spec.series[0] as (typeof spec.series)[0]] });
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(circles).toHaveLength(3);
    for (let i = 1; i < circles.length; i++) {
      expect(circles[i]?.[0]).toBeGreaterThan(circles[i - 1]?.[0] ?? 0);
      expect(circles[i]?.[1]).toBeLessThan(circles[i - 1]?.[1] ?? 0);
    }
  });

  it('draws a labelled guide line and makes room for it on the axis', () => {
    const svg = renderLineChart({ ...spec, guides: [{ y: 5_000, label: '10 s <limit>', color: '#000' }] });
    expect(svg).toContain('10 s &lt;limit&gt;');
    expect(svg).toContain('>10k</text>');
  });

  it('is deterministic', () => {
    expect(renderLineChart(spec)).toBe(renderLineChart(spec));
  });

  it('drops points a log axis cannot show, and refuses a chart with none', () => {
    const svg = renderLineChart({
      ...spec,
      series: [
        {
          name: 'x',
          color: '#000',
          points: [
            [0, 5],
            [10, 0],
            [10, 10],
          ],
        },
      ],
    });
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(() =>
      renderLineChart({ ...spec, series: [{ name: 'x', color: '#000', points: [[0, 0]] }] }),
    ).toThrow(/no positive points/);
  });
});
