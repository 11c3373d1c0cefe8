import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption
>;

export interface ChartPoint {
  name: string;
  /** For the bar's height only; the exact figure is in `label`. */
  value: number;
  /** The exact, formatted figure (tooltip and the table beside the chart). */
  label: string;
}

interface Props {
  title: string;
  kind: 'bar' | 'pie';
  points: ChartPoint[];
  onSelect?: (name: string) => void;
}

/**
 * An ECharts chart with its figures also in a visually hidden table, for screen readers.
 * data-chart-ready is set once ECharts has rendered (the bench waits for it).
 */
export function Chart({ title, kind, points, onSelect }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!element.current || typeof HTMLCanvasElement === 'undefined' || isJsdom()) {
      setReady(true);
      return;
    }
    const chart = init(element.current, undefined, { renderer: 'canvas' });
    const labels = new Map(points.map((point) => [point.name, point.label]));
    const option: Option =
      kind === 'bar'
        ? {
            animation: false,
            grid: { left: 60, right: 16, top: 16, bottom: 60 },
            tooltip: { trigger: 'axis', formatter: (params: unknown) => tooltip(params, labels) },
            xAxis: {
              type: 'category',
              data: points.map((point) => point.name),
              axisLabel: { rotate: 45 },
            },
            yAxis: { type: 'value' },
            series: [{ type: 'bar', data: points.map((point) => point.value) }],
          }
        : {
            animation: false,
            tooltip: { trigger: 'item', formatter: (params: unknown) => tooltip(params, labels) },
            series: [
              {
                type: 'pie',
                radius: '65%',
                data: points.map((point) => ({ name: point.name, value: point.value })),
              },
            ],
          };
    chart.on('finished', () => setReady(true));
    if (onSelect) chart.on('click', (event) => onSelect(String(event.name)));
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [kind, points, onSelect]);
  return (
    <figure className="chart" data-chart-ready={ready ? 'true' : 'false'}>
      <figcaption>{title}</figcaption>
      <div ref={element} className="chart-canvas" aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {points.map((point) => (
            <tr key={point.name}>
              <th scope="row">{point.name}</th>
              <td>{point.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function isJsdom(): boolean {
  return typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom');
}

function tooltip(params: unknown, labels: Map<string, string>): string {
  const first = (Array.isArray(params) ? params[0] : params) as { name: string };
  return `${first.name}: ${labels.get(first.name) ?? ''}`;
}
