import type { KpiReportsMessages } from './kpi-reports.zh';

export const kpiReportsEn: KpiReportsMessages = {
  tabCharts: 'Charts',
  tabReports: 'Reports',
  date: 'Report date',
  center: 'Whole center',
  generateDaily: 'Generate daily report',
  generateWeekly: 'Generate weekly report',
  weeklyHint: 'The weekly report covers the week (Monday to Sunday) of the chosen date',
  generated: 'Generated {{name}}',
  failed: 'Generation failed: {{message}}',
  downloadFailed: 'Download failed: {{message}}',
  scheduleDaily:
    'Every day at {{time}} (Beijing time) the previous day’s report is generated, on Mondays also the previous week’s: {{scope}}.',
  scheduleScopeCenter: 'the whole center',
  scheduleScopeStations: 'the whole center and each station',
  scheduleOff: 'No automatic reports; generate them on demand.',
  empty: 'No reports yet',
  col: {
    name: 'Name',
    kind: 'Kind',
    period: 'Period',
    scope: 'Scope',
    generatedAt: 'Generated',
    size: 'Size',
    download: 'Download',
  },
  kind: { daily: 'Daily', weekly: 'Weekly' },
  periodRange: '{{from}} to {{to}}',
};
