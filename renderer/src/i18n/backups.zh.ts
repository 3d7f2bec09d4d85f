/** 备份与恢复 (administrators) — Chinese; spread into zh-CN.ts. */
export const backupsMessagesZh = {
  backups: {
    title: '备份与恢复',
    runNow: '立即备份',
    done: '已备份 {{name}}',
    refresh: '刷新',
    status: {
      lastSuccess: '最近成功',
      nextRun: '下次自动备份',
      schedule: '计划',
      scheduleDaily: '每天 {{time}}（北京时间），保留 {{daily}} 份每日、{{weekly}} 份每周、{{monthly}} 份每月备份',
      scheduleOff: '未设置自动备份',
      none: '尚无',
      running: '正在备份…',
      folder: '备份文件夹',
    },
    failure: '{{at}} 备份失败：{{reason}}',
    failureOld: '上次失败：{{at}}，{{reason}}（之后已成功备份）',
    column: {
      at: '备份时间',
      kind: '类型',
      size: '大小',
      verified: '完整性校验',
      restore: '恢复命令',
    },
    kind: {
      daily: '每日',
      weekly: '每周',
      monthly: '每月',
      'pre-upgrade': '升级前',
    },
    verifiedAt: '通过（{{at}}）',
    unverified: '未校验',
    verify: '重新校验',
    verifiedOk: '备份 {{name}} 校验通过',
    empty: '尚无备份',
    restoreTitle: '如何恢复',
    restoreHelp:
      '控制台不能恢复正在运行的中枢。请先关闭桌面控制台或网页服务，再在中枢所在计算机上运行该备份的恢复命令。恢复后，该备份时间之后录入的所有数据（工单、值班记录、审计记录等）都将不在数据库中；被替换的数据库会改名保留在数据文件夹中，不会删除。密钥文件 hub.key 不在备份中，请另行保管。',
  },
};
