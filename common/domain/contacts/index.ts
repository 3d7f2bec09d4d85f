/** 通讯录: what a contact is and how someone is told about an incident. */

export const CONTACT_KINDS = ['department', 'person'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_KIND_NAMES: Record<ContactKind, { zh: string; en: string }> = {
  department: { zh: '单位/部门', en: 'Department' },
  person: { zh: '个人', en: 'Person' },
};

/** How a contact was told: by telephone, text message, face to face, or in the console itself. */
export const NOTIFY_CHANNELS = ['phone', 'sms', 'in_person', 'console'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const NOTIFY_CHANNEL_NAMES: Record<NotifyChannel, { zh: string; en: string }> = {
  phone: { zh: '电话', en: 'Phone' },
  sms: { zh: '短信', en: 'SMS' },
  in_person: { zh: '当面', en: 'In person' },
  console: { zh: '平台消息', en: 'Console' },
};

/**
 * A telephone number as people write them: digits with spaces, dashes, brackets, a leading +,
 * and an extension after 转 / 分机 / ext / #. At least three digits (110, 119, 120 are numbers).
 */
export const PHONE_PATTERN = /^\+?[0-9(][0-9 ()-]*(?:(?:转|分机|ext\.?|#) ?[0-9]{1,6})?$/iu;
export const PHONE_MAX = 32;

export function isPhoneNumber(text: string): boolean {
  return text.length <= PHONE_MAX && PHONE_PATTERN.test(text) && digitsOf(text).length >= 3;
}

/** The digits of a number or a search term, so "021-5811 0000" and "02158110000" meet. */
export function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/** A search term that reads as (part of) a number: digits with the separators people type. */
export function looksLikePhone(term: string): boolean {
  return /^[0-9 ()+-]+$/.test(term) && digitsOf(term).length >= 3;
}
