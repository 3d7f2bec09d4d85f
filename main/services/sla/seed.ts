import type { Db } from '../../db/connection';
import calendarSeed from '../../../resources/seed/calendar.json';
import timeLimitsSeed from '../../../resources/seed/time-limits.json';

/** meta key remembering that a year of resources/seed/calendar.json has been loaded. */
function seededYearKey(year: string): string {
  return `sla.calendar.seeded.${year}`;
}

/**
 * Loads the default time limits and the working calendar (resources/seed) on every start with
 * INSERT OR IGNORE, so administrators' edits survive restarts and upgrades.
 *
 * The calendar is loaded once per year: returning a day to the Monday–Friday rule deletes its row, and
 * re-inserting the shipped holiday on the next start would undo that edit. A year the seed gains later
 * (e.g. 2028) is still loaded on the first start that ships it.
 */
export function seedSla(db: Db): void {
  const insertLimit = db.prepare(
    `INSERT OR IGNORE INTO time_limits (category_id, urgency, minutes, mode)
     VALUES (@categoryId, @urgency, @minutes, @mode)`,
  );
  const insertDay = db.prepare('INSERT OR IGNORE INTO calendar_days (date, kind, name) VALUES (@date, @kind, @name)');
  const isSeeded = db.prepare('SELECT 1 FROM meta WHERE key = ?').pluck();
  const markSeeded = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (const limit of timeLimitsSeed.limits) insertLimit.run(limit);
    const years = [...new Set(calendarSeed.days.map((d) => d.date.slice(0, 4)))];
    for (const year of years) {
      if (isSeeded.get(seededYearKey(year)) !== undefined) continue;
      for (const day of calendarSeed.days.filter((d) => d.date.startsWith(year))) insertDay.run(day);
      markSeeded.run(seededYearKey(year), '1');
    }
  })();
}
