import { create } from 'zustand';
import type { ReportToRecord } from '../page/RecordReportModal';

/**
 * The report whose 记录报告 form is open from outside the incident page (the alert drawer, the 待办):
 * one form for the frame, held by ReportAlerts, so the drawer or list that opened it may close.
 */
export const useReportToRecord = create<{ target: ReportToRecord | null }>(() => ({ target: null }));

export function recordReport(target: ReportToRecord | null): void {
  useReportToRecord.setState({ target });
}
