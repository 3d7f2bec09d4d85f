import type { incidentOrdersZh } from './incident-orders.zh';

/** English strings of orders in incident mode. */
export const incidentOrdersEn: typeof incidentOrdersZh = {
  /** The short level on the list's tag (the full name is in the tooltip). */
  level: { IV: 'Lv IV', III: 'Lv III', II: 'Lv II', I: 'Lv I' },
  tag: 'Incident',
  drill: 'Drill',
  closedTag: 'Incident (closed)',
  tagTitle: 'Linked to incident: {{name}}',
  filter: {
    placeholder: 'Incident',
    running: 'Running',
    closed: 'Closed',
    option: '{{type}} {{level}} · {{name}}',
    closedOption: '{{type}} · {{name}} ({{date}})',
  },
  link: {
    action: 'Link to current incident',
    title: 'Link to the current incident',
    confirm: 'Link order {{code}} to this incident:',
    choose: 'More than one incident is running; choose one:',
    ok: 'Link',
    done: 'Linked to incident: {{name}}',
    linked: 'Linked incident',
  },
  card: {
    action: 'Link an existing order',
    title: 'Link an existing order',
    order: 'Order',
    placeholder: 'Type the order code or words of its title',
    hint: 'Type at least two characters',
    none: 'No order found',
    alreadyLinked: 'Linked to an incident',
    ok: 'Link',
    done: 'Linked order {{code}}',
  },
};
