import type { placeZh } from './place.zh';

/** English strings of an order's place and jurisdiction, and of the feedback result. */
export const placeEn: typeof placeZh = {
  intake: {
    required: 'Give the place: a village/residential workstation, a map point or an address',
  },
  jurisdiction: {
    field: 'Jurisdiction (grid / station)',
    tag: 'Area',
    noOwner: 'no station assigned',
    handledOutside: 'now handled by {{station}} (outside the area)',
    confirmTitle: 'Dispatch outside the area',
    confirm: '{{place}} belongs to {{owner}}. Dispatch to {{target}}?',
    confirmOk: 'Dispatch',
    outsideDetail: 'Dispatched outside the area (belongs to {{owner}})',
  },
  feedback: {
    result: 'Feedback result',
    resultRequired: 'Choose the feedback result',
    notes: 'Feedback notes',
    filter: 'Feedback',
  },
};
