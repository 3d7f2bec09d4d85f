/** 工单的位置与辖区、回访结果。 */
export const placeZh = {
  intake: {
    required: '请填写问题位置：村居工作站、地图点位或地址至少一项',
  },
  jurisdiction: {
    field: '辖区（网格 / 联勤站）',
    tag: '辖区',
    noOwner: '未划定联勤站',
    handledOutside: '现由{{station}}处置（辖区外）',
    confirmTitle: '派往辖区外',
    confirm: '{{place}}属{{owner}}，确定派往{{target}}？',
    confirmOk: '确定派遣',
    outsideDetail: '辖区外派遣（属{{owner}}）',
  },
  feedback: {
    result: '回访结果',
    resultRequired: '请选择回访结果',
    notes: '回访记录',
    filter: '回访结果',
  },
};
