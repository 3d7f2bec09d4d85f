import type { slaMessagesZh } from './sla.zh';

/** Time limits and the work calendar — English; spread into en.ts. */
export const slaMessagesEn: typeof slaMessagesZh = {
  sla: {
    title: 'Time limits & calendar',
    limitsTitle: 'Time limits (category × urgency)',
    calendarTitle: 'Holidays and worked weekend days',
    allCategories: 'Default (every category)',
    addLimit: 'New limit:',
    add: 'Add',
    days: '{{d}} d',
    hours: '{{h}} h',
    minutes: '{{m}} min',
    mode: {
      natural: 'Natural time',
      working: 'Working time',
    },
    column: {
      category: 'Category',
      minutes: 'Limit (minutes)',
      mode: 'Clock',
    },
    calendar: {
      year: 'Year',
      rule: 'Days not listed follow the rule: Monday to Friday worked, weekends off.',
      date: 'Date',
      weekday: 'Weekday',
      kind: 'Kind',
      name: 'Name',
      namePlaceholder: 'e.g. National Day',
      holiday: 'Holiday',
      workday: 'Worked weekend day',
      remove: 'Remove',
      removeConfirm: 'Return {{date}} to the Monday–Friday rule?',
    },
  },
};
