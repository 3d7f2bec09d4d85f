/** The audit log workspace (its summaries are in audit.*.ts) — Chinese; spread into zh-CN.ts. */
export const auditViewMessagesZh = {
  audit: {
    title: '审计日志',
    filter: {
      from: '起',
      to: '止',
      actor: '操作人',
      actorPlaceholder: '操作人姓名或用户名',
      method: '接口',
      methodPlaceholder: '全部接口',
      text: '关键字',
      textPlaceholder: '摘要或对象中的文字',
      onlyFailures: '仅看失败',
    },
    column: {
      at: '时间',
      actor: '操作人',
      method: '接口',
      target: '对象',
      summary: '摘要',
      result: '结果',
    },
    ok: '成功',
    failed: '失败',
    loaded: '已加载 {{count}} 条',
    end: '已到最早一条',
  },
};
