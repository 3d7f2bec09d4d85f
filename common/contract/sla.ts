import { z } from 'zod';
import { method } from './define';
import { urgencySchema } from './orders';

export const limitModeSchema = z.enum(['natural', 'working']);

/** A time limit for (category × urgency); categoryId '*' is the default for every category. */
export const timeLimitSchema = z.object({
  categoryId: z.string().min(1).max(16),
  urgency: urgencySchema,
  minutes: z
    .number()
    .int()
    .min(10)
    .max(60 * 24 * 90),
  mode: limitModeSchema,
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A day that differs from the Mon–Fri rule: a public holiday, or a weekend day worked (调休). */
export const calendarDaySchema = z.object({
  date: dateSchema,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().max(40),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const slaMethods = {
  'sla.limits.list': method({
    input: z.object({}).strict(),
    output: z.array(timeLimitSchema),
    access: 'authenticated',
    writes: false,
    summary: 'Time limits per category × urgency',
  }),
  'sla.limits.set': method({
    input: timeLimitSchema,
    output: timeLimitSchema,
    access: ['admin', 'duty_chief'],
    writes: true,
    summary: 'Set one time limit (applies to orders created afterwards)',
  }),
  'sla.calendar.list': method({
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.array(calendarDaySchema),
    access: 'authenticated',
    writes: false,
    summary: 'Holidays and worked weekend days of a year',
  }),
  'sla.calendar.set': method({
    input: z.object({
      date: dateSchema,
      kind: z.enum(['holiday', 'workday', 'normal']),
      name: z.string().max(40).default(''),
    }),
    output: z.null(),
    access: ['admin'],
    writes: true,
    summary: 'Mark a day as holiday, worked weekend day, or back to the Mon–Fri rule',
  }),
} as const;
