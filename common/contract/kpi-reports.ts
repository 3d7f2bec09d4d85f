import { z } from 'zod';
import { DASHBOARD_ROLES } from './dashboard';
import { method } from './define';
import { epochMs, orgUnitIdSchema } from './schemas';

/**
 * 报表 (issue 14 item 5): the daily (a Shanghai calendar day) and weekly (Monday to Sunday) report
 * of the center or one station, as PDF and XLSX files in the hub's reports folder. Whoever may read
 * the dashboard may generate, list and download them; a station chief only their station's.
 */
export const REPORT_KINDS = ['daily', 'weekly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The word a report's file name starts with. */
export const REPORT_KIND_NAMES: Record<ReportKind, string> = { daily: '日报', weekly: '周报' };

/** The scope word of the whole center's report in its file name. */
export const CENTER_SCOPE_NAME = '全中心';

/**
 * A report's name as the hub writes it (`日报-2026-12-02-全中心`, `周报-2026-11-30-第一联勤站`): the
 * kind, the period's first day, the scope. No path separator, no dot, no control character: a
 * name can never leave the reports folder (the hub also only opens names it lists).
 */
export const reportNameSchema = z
  .string()
  .max(80)
  .regex(
    // eslint-disable-next-line no-control-regex
    /^(日报|周报)-\d{4}-\d{2}-\d{2}-[^\\/:*?"<>|.\u0000-\u001f\u007f]{1,40}$/,
    'a report name such as 日报-2026-12-02-全中心',
  );

/** 'YYYY-MM-DD' in form; whether it is a real date is the hub's check (a stable E_INVALID). */
export const reportDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-02');

export const reportFileSchema = z.object({
  format: z.enum(REPORT_FORMATS),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
});

export const reportEntrySchema = z.object({
  name: reportNameSchema,
  kind: z.enum(REPORT_KINDS),
  /** The period [from, to): a Shanghai day, or Monday 00:00 to the next Monday 00:00. */
  from: epochMs,
  to: epochMs,
  /** The period's first day, 'YYYY-MM-DD'. */
  date: z.string(),
  /** null: the whole center. */
  stationId: z.string().nullable(),
  scopeName: z.string(),
  /** When the files were written (the newer of the two). */
  generatedAt: epochMs,
  files: z.array(reportFileSchema),
});
export type ReportEntry = z.infer<typeof reportEntrySchema>;

export const reportListSchema = z.object({
  /** Newest period first, the center before its stations. */
  reports: z.array(reportEntrySchema),
  /** The automatic reports: the Shanghai time 'HH:mm' (null: off), and whether each station gets its own. */
  schedule: z.object({ dailyAt: z.string().nullable(), stations: z.boolean() }),
});
export type ReportList = z.infer<typeof reportListSchema>;

export const reportMethods = {
  'reports.generate': method({
    input: z
      .object({ kind: z.enum(REPORT_KINDS), date: reportDateSchema, stationId: orgUnitIdSchema.optional() })
      .strict(),
    output: reportEntrySchema,
    access: DASHBOARD_ROLES,
    writes: true,
    summary:
      'Generate the daily or weekly KPI report (PDF and XLSX) of the center or one station into the reports folder',
  }),
  'reports.list': method({
    input: z.object({}).strict(),
    output: reportListSchema,
    access: DASHBOARD_ROLES,
    writes: false,
    summary: 'The generated KPI reports the caller may read, and the automatic schedule',
  }),
  'reports.download': method({
    input: z.object({ name: reportNameSchema, format: z.enum(REPORT_FORMATS) }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
    access: DASHBOARD_ROLES,
    writes: false,
    summary: 'One generated KPI report file (PDF or XLSX)',
  }),
} as const;
