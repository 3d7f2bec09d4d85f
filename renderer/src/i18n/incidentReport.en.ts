import type { incidentReportZh } from './incidentReport.zh';

/** English strings of the incident report downloads; merged into en.ts as `incidentReport`. */
export const incidentReportEn: typeof incidentReportZh = {
  pdf: 'Download incident report (PDF)',
  interimPdf: 'Download interim report (PDF)',
  xlsx: 'Export timeline (XLSX)',
  interimHint:
    'The incident is still running: the interim report shows the situation so far; download the final report after closing.',
  done: 'Downloaded: {{fileName}}',
  failed: 'Download failed: {{message}}',
};
