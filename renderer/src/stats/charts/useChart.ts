import { useEffect, useRef } from 'react';
import type { ChartConfiguration, ChartData, ChartOptions, ChartType } from 'chart.js';
import { Chart } from './chartSetup';

/**
 * One chart.js instance on a canvas: made when the canvas mounts, destroyed when it unmounts, and
 * given new data (and options) in place — `chart.update()` animates from the old numbers, without
 * a new instance per refetch. Returns the ref to put on the <canvas>.
 */
export function useChart<T extends ChartType>(type: T, data: ChartData<T>, options: ChartOptions<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | null>(null);
  const latest = useRef({ data, options });

  // Effects run in this order: the newest props are in `latest` before a chart is made from them.
  useEffect(() => {
    latest.current = { data, options };
  }, [data, options]);

  useEffect(() => {
    if (!canvas.current) return;
    const config = { type, data: latest.current.data, options: latest.current.options } as ChartConfiguration<T>;
    const made = new Chart<T>(canvas.current, config);
    chart.current = made;
    return () => {
      made.destroy();
      chart.current = null;
    };
  }, [type]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = data.labels;
    c.data.datasets = data.datasets;
    c.options = options;
    c.update();
  }, [data, options]);

  return canvas;
}
