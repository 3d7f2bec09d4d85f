/** The organisation workspace (组织与分类) — Chinese; spread into zh-CN.ts. */
export const orgMessagesZh = {
  org: {
    title: '组织与分类',
    tabs: {
      units: '组织架构',
      departments: '派驻部门',
      categories: '问题分类',
    },
    kind: {
      center: '中心',
      station: '联勤站',
      grid: '责任网格',
      workstation: '村居工作站',
    },
    subtype: {
      village: '村',
      residential: '居委',
    },
    servedBy: '服务站：{{name}}',
    summary: '{{center}} 个中心 · {{station}} 个联勤站 · {{grid}} 个责任网格 · {{workstation}} 个村居工作站',
    unitSearch: '查找村居或网格，如“海塘”',
    departments: {
      name: '部门',
      kind: '类别',
      code: '编码',
    },
    departmentKind: {
      enforcement: '执法',
      police: '公安',
      regulator: '监管',
      utility: '公用事业',
      management: '管理',
      other: '其他',
    },
    categories: {
      search: '搜索分类名称或编码，如“井盖”',
      noMatch: '没有匹配的分类',
      count: '{{domains}} 个大类 · {{total}} 个分类',
      level: {
        l1: '大类',
      },
    },
  },
};
