import { z } from 'zod';
import { method } from './define';
import { INCIDENT_READERS } from './incidents';
import { idSchema } from './schemas';

/** What incidents.export writes: the report as PDF, or the timeline as XLSX. */
export const INCIDENT_EXPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type IncidentExportFormat = (typeof INCIDENT_EXPORT_FORMATS)[number];

/** The incident report: whoever may open the incident may print it. */
export const incidentReportMethods = {
  'incidents.export': method({
    input: z.object({ id: idSchema, format: z.enum(INCIDENT_EXPORT_FORMATS) }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
    access: INCIDENT_READERS,
    writes: false,
    summary:
      'The incident report as an A4 PDF (timeline, linked orders, checklist, notifications, report punctuality; ' +
      'an interim report while the incident runs) or its timeline as XLSX',
  }),
} as const;
