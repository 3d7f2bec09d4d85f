import type { InboxMessages } from './inbox.zh';

export const inboxEn: InboxMessages = {
  nav: 'Inbox',
  title: 'My inbox',
  empty: 'Nothing waits for you',
  all: 'All',
  statusTitle: 'Inbox: what waits for your action',
  kind: {
    approval: 'To approve',
    supervision: 'Supervision to answer',
    dispatched: 'Dispatched to us',
    verify: 'To verify',
    feedback: 'To call back',
  },
  request: { extension: 'Extension request', park: 'Parking request', return: 'Return request' },
  column: {
    kind: 'Item',
    order: 'Order',
    urgency: 'Urgency',
    since: 'Since',
    due: 'Due',
    by: 'By',
    note: 'Reason / note',
  },
  notice: {
    approval: '{{request}} to approve',
    supervision: 'Supervision to answer',
    dispatched: 'New dispatch',
    verify: 'To verify',
    feedback: 'To call back',
  },
  drawer: {
    title: 'Alerts and tasks',
    open: 'Open alerts',
    alerts: 'Time-limit alerts',
    tasks: 'Tasks',
    viewAll: 'Open the inbox',
  },
  supervisionDefault: 'Empty: half the remaining time limit, at least 1 h, never after the deadline',
  supervisionFollowUp: 'This order has an unanswered supervision: this one is added to it as a follow-up',
  gone: 'Order {{code}} is no longer yours to see (moved, returned, or not visible to you)',
  followUp: 'Follow-up',
};
