import { TIME_ZONE } from './org';

const fmt = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, whatever the machine's zone. */
export function formatShanghai(ms: number): string {
  return fmt.format(new Date(ms));
}
