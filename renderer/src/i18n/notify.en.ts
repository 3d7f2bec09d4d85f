import type { notifyZh } from './notify.zh';

/** English strings of incident notifications. */
export const notifyEn: typeof notifyZh = {
  title: 'Notifications',
  open: 'Notify',
  dialogTitle: 'Notify a contact',
  contact: 'Contact',
  contactPlaceholder: 'Find by name, number or department',
  channel: 'How',
  note: 'Message / note',
  submit: 'Record',
  done: 'Recorded: {{name}} notified',
  column: { at: 'Time', contact: 'Contact', channel: 'How', by: 'By', note: 'Message', confirmed: 'Confirmed' },
  unconfirmed: 'Not confirmed',
  confirmedBy: '{{name}} {{at}}',
  recordReply: 'Record reply',
  recordReplyTitle: 'Record the reply of {{name}}',
  replyNote: 'Reply (optional)',
  empty: 'Nobody notified yet',
  card: {
    title: 'Incident notice · {{name}}',
    drill: 'Drill',
    from: '{{by}} notified you at {{at}}',
    confirm: 'Confirm receipt',
    confirmed: 'Receipt confirmed',
  },
};
