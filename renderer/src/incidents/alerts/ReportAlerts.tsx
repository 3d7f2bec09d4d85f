import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { methodKey, useApi } from '../../api';
import { beep, unlockAudio } from '../../orders/alerts/beep';
import { askNotificationPermissionOnGesture, showDesktopNotification } from '../../orders/alerts/desktop';
import { setAlertDrawerOpen, showAlertToast } from '../../orders/alerts/toast';
import { useIncidentNames } from '../display';
import { RecordReportModal } from '../page/RecordReportModal';
import { recordReport, useReportToRecord } from './recordStore';

/**
 * Report deadlines: the hub's sweep says when a report is 5
 * minutes away ('soon'), due now ('due'), or found already past ('missed', e.g. after the hub was
 * down). Each sounds (none for 'missed': no alarm for the past), raises a desktop notification and the
 * status bar's compact toast; the report itself waits in the alert drawer and the 待办 (the hub's
 * orders.inbox lists it until it is recorded), so nothing floats over the workspace. The frame mounts
 * this for the roles that may record; it also holds the one 记录报告 form the drawer and 待办 open.
 */
export function ReportAlerts() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const names = useIncidentNames();
  const recording = useReportToRecord((s) => s.target);

  useEffect(() => askNotificationPermissionOnGesture(), []);
  useEffect(() => {
    window.addEventListener('pointerdown', unlockAudio, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', unlockAudio, { capture: true });
    };
  }, []);

  useEffect(
    () =>
      api.subscribe('incidents.reportDue', (due) => {
        // The event names the report; the banner's fresh answer says what it is and for which incident.
        void queryClient.invalidateQueries({ queryKey: methodKey('orders.inbox') });
        void api
          .call('incidents.current', {})
          .then((fresh) => {
            queryClient.setQueryData(methodKey('incidents.current', {}), fresh);
            const incident = fresh.incidents.find((i) => i.id === due.incidentId);
            const report = incident?.nextReports.find((r) => r.id === due.reportId);
            if (!incident || !report) return;
            const title = t(`incidents.alert.${due.kind}`, { kind: names.report(report.kind) });
            const name = `${incident.drill ? `${t('incidents.drill')} · ` : ''}${incident.name}`;
            showAlertToast({ key: `report-${report.id}`, label: title, code: '', title: name, severe: true });
            if (due.kind !== 'missed') {
              beep(due.kind === 'soon' ? 'yellow' : 'red');
              showDesktopNotification(`incident-report-${report.id}`, title, name, due.kind === 'due', () => {
                setAlertDrawerOpen(true);
              });
            }
          })
          .catch(() => undefined);
      }),
    [api, queryClient, names, t],
  );

  // Leaving the frame (sign-out) puts the form away.
  useEffect(
    () => () => {
      recordReport(null);
    },
    [],
  );

  return (
    <RecordReportModal
      target={recording}
      onClose={() => {
        recordReport(null);
      }}
    />
  );
}
