/** 视频墙的视频丢失报警、设置与快捷键（issue 12 第 6、7 项）。 */
export const wallLossZh = {
  title: '视频丢失报警（{{n}}）',
  noGroup: '未归属网格',
  since: '{{time}} 起离线',
  recovered: '已于 {{time}} 恢复',
  ack: '确认',
  ackAll: '全部确认',
  acked: '{{camera}}：{{by}} 于 {{time}} 确认',
  settings: {
    open: '视频丢失报警设置',
    title: '视频丢失报警设置（按网格）',
    hint: '墙上的摄像机离线超过设定的秒数后，在视频墙上弹出报警卡片并响铃，直到值班人员确认；确认后要等该摄像机恢复播放才会再次报警。',
    group: '网格',
    enabled: '报警',
    delay: '离线多久后报警（秒）',
    updated: '最后修改',
    defaults: '默认（开启，{{delay}} 秒）',
    saved: '已保存 {{group}} 的视频丢失报警设置',
    failed: '保存失败：{{message}}',
  },
  layout: {
    hideTree: '收起摄像机树',
    showTree: '展开摄像机树',
    wallOnly: '仅视频墙全屏（F11）',
    foldMenu: '收起菜单',
    unfoldMenu: '展开菜单',
  },
  keys: {
    place: '在摄像机树中用方向键选中摄像机，再按画面编号（1–9、0；更多画面时连按两位数字）放入该画面',
    fullscreen: 'F11：仅视频墙全屏，Esc 退出',
  },
};
