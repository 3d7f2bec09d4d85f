import type { auditViewMessagesZh } from './audit-view.zh';

/** The audit log workspace (its summaries are in audit.*.ts) — English; spread into en.ts. */
export const auditViewMessagesEn: typeof auditViewMessagesZh = {
  audit: {
    title: 'Audit log',
    filter: {
      from: 'From',
      to: 'To',
      actor: 'Actor',
      actorPlaceholder: 'Actor name or username',
      method: 'Method',
      methodPlaceholder: 'All methods',
      text: 'Text',
      textPlaceholder: 'Text in summary or target',
      onlyFailures: 'Failures only',
    },
    column: {
      at: 'Time',
      actor: 'Actor',
      method: 'Method',
      target: 'Target',
      summary: 'Summary',
      result: 'Result',
    },
    ok: 'OK',
    failed: 'Failed',
    loaded: '{{count}} loaded',
    end: 'Reached the oldest entry',
  },
};
