/** Chinese strings of the incident report downloads; merged into zh-CN.ts as `incidentReport`. */
export const incidentReportZh = {
  pdf: '下载事件报告（PDF）',
  interimPdf: '下载阶段报告（PDF）',
  xlsx: '导出时间线（XLSX）',
  interimHint: '事件尚未结束：阶段报告反映截至当前的情况，结束后请重新下载正式报告。',
  done: '已下载：{{fileName}}',
  failed: '下载失败：{{message}}',
};
