import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { FONT_STACK, palette } from '../../app/theme';

/*
 * chart.js tree-shaken: only the controllers, elements and plugins the dashboard's charts use are
 * registered (once, on import), with the console's dark palette as their defaults.
 */
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  DoughnutController,
  ArcElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);
Chart.defaults.color = palette.textMuted;
Chart.defaults.borderColor = palette.border;
Chart.defaults.font.family = FONT_STACK;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.labels.color = palette.text;
Chart.defaults.plugins.tooltip.backgroundColor = palette.bgElevated;
Chart.defaults.plugins.tooltip.borderColor = palette.border;
Chart.defaults.plugins.tooltip.borderWidth = 1;
Chart.defaults.plugins.tooltip.titleColor = palette.text;
Chart.defaults.plugins.tooltip.bodyColor = palette.text;

/** Series colours on the dark ground: the accent first, then muted hues that stay apart from each other. */
export const SERIES_COLOURS = [
  palette.accent,
  palette.success,
  palette.warning,
  '#8f7ad6',
  '#3bb0b8',
  palette.error,
  '#b8a13b',
  '#c46fa8',
] as const;

/** The traffic lights, as the order list shows them. */
export const LIGHT_COLOURS = { green: palette.success, yellow: palette.warning, red: palette.error } as const;

export { Chart };
