/** Chinese strings of the keyboard-shortcut sheet (`?`); merged into zh-CN.ts as `shortcuts`. */
export const shortcutsZh = {
  sheet: {
    title: '键盘快捷键',
    hint: '在任意页面按 ? 打开本表（输入框中除外），Esc 关闭。',
    open: '快捷键',
    or: '或',
  },
  key: {
    Space: '空格',
  },
  global: {
    title: '全局',
    sheet: '打开快捷键一览',
    tab: '在按钮、输入框和列表之间移动焦点',
    close: '关闭对话框、抽屉或下拉列表',
  },
  orders: {
    title: '工单列表',
    move: '在工单行之间移动（先按 Tab 进入列表）',
    page: '向上 / 向下翻一屏',
    ends: '跳到第一条 / 最后一条已加载的工单',
    open: '打开选中的工单',
    submitStep: '在工单操作表单中提交',
  },
  intake: {
    title: '受理登记',
    submit: '提交登记（视频截图生成工单时同样适用）',
    clear: '清空表单（会先确认）',
    urgency: '在紧急程度中直接选择 一般 / 紧急 / 特急',
    workstation: '清除已选的村居工作站（搜索框为空时）',
  },
  incidents: {
    title: '突发事件',
    note: '在事件时间线中提交一条记录',
  },
  wall: {
    title: '视频墙',
    select: '选中第 1–9 个画面（0 为第 10 个）',
    move: '移动选中的画面',
    maximise: '最大化选中的画面',
    restore: '还原最大化的画面',
    clear: '移出选中画面中的摄像机',
    layout: '切换画面布局',
  },
  duty: {
    title: '值班',
    submit: '提交值班日志记录',
    openDay: '在月排班表中打开选中的日期',
  },
};
