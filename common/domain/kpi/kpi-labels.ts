/**
 * The KPIs' Chinese names, as the dashboard's cards, the big screen and the printed reports show them: the
 * console's zh-CN table (renderer/src/i18n/dashboard.zh.ts) and the hub's report writer read this one list.
 */
export const KPI_LABELS_ZH = {
  accepted: '受理量',
  filed: '立案数',
  closeRate: '结案率',
  onTimeCloseRate: '按期结案率',
  onTimeHandleRate: '按期处置率',
  reworkRate: '返工率',
  returnRate: '退单率',
  inStationRate: '站内解决率',
  handlingAverage: '平均处置时长',
  handlingP90: 'P90 处置时长',
  supervisions: '督办数',
  supervisionReplyRate: '督办按期回复率',
  satisfactionRate: '满意率',
};
