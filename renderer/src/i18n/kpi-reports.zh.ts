/** Chinese strings of 统计分析 → 报表 (the daily and weekly KPI reports); merged as `kpiReports`. */
export const kpiReportsZh = {
  tabCharts: '图表',
  tabReports: '报表',
  date: '报表日期',
  center: '全中心',
  generateDaily: '生成日报',
  generateWeekly: '生成周报',
  weeklyHint: '周报为所选日期所在周（周一至周日）',
  generated: '已生成 {{name}}',
  failed: '生成失败：{{message}}',
  downloadFailed: '下载失败：{{message}}',
  scheduleDaily: '每天 {{time}}（北京时间）自动生成前一日日报，每周一生成上周周报：{{scope}}。',
  scheduleScopeCenter: '全中心',
  scheduleScopeStations: '全中心及各联勤站',
  scheduleOff: '未开启自动生成，请按需生成。',
  empty: '还没有报表',
  col: {
    name: '名称',
    kind: '类型',
    period: '期间',
    scope: '范围',
    generatedAt: '生成时间',
    size: '大小',
    download: '下载',
  },
  kind: { daily: '日报', weekly: '周报' },
  periodRange: '{{from}} 至 {{to}}',
};

export type KpiReportsMessages = typeof kpiReportsZh;
