import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, IncidentReport, IncidentSummary } from '../../../../../common/contract';
import { methodKey, useApi } from '../../../api';
import { beep, unlockAudio } from '../../../orders/alerts/beep';
import { askNotificationPermissionOnGesture, showDesktopNotification } from '../../../orders/alerts/desktop';
import { navigate } from '../../../stores/route';
import { formatDateTime } from '../../../time/dayjs';
import { useNow } from '../../../time/useNow';
import { countdownText } from '../clockText';
import { useCurrentIncidents } from '../data';
import { useIncidentNames } from '../display';
import { RecordReportModal, type ReportToRecord } from '../page/RecordReportModal';
import { incidentPath } from '../route';

type Due = EventPayload<'incidents.reportDue'>;

const key = (reportId: number) => `incident-report-${reportId}`;

function Countdown({ dueAt }: { dueAt: number }) {
  const now = useNow(1000);
  return <span className="tabular">{countdownText(dueAt - now)}</span>;
}

/**
 * Report deadlines (issue 11 item 6): the hub's sweep says when a report is 5 minutes away ('soon'),
 * due now ('due'), or found already past ('missed', e.g. after the hub was down). Each shows as a card
 * with a live countdown and a sound (none for 'missed': no alarm for the past), and a desktop
 * notification; the card goes once the report is recorded or the incident ends. 记录报告 on the card
 * opens the recording form right there (the frame mounts this for the roles that may record).
 */
export function ReportAlerts() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const names = useIncidentNames();
  const current = useCurrentIncidents();
  const shown = useRef(new Set<number>());
  const [recording, setRecording] = useState<ReportToRecord | null>(null);

  useEffect(() => askNotificationPermissionOnGesture(), []);
  useEffect(() => {
    window.addEventListener('pointerdown', unlockAudio, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', unlockAudio, { capture: true });
    };
  }, []);

  useEffect(() => {
    const show = (due: Due, incident: IncidentSummary, report: IncidentReport) => {
      const title = t(`incidents.alert.${due.kind}`, { kind: names.report(report.kind) });
      const open = () => {
        navigate(incidentPath(incident.id));
        notification.destroy(key(report.id));
      };
      notification.open({
        key: key(report.id),
        type: due.kind === 'soon' ? 'warning' : 'error',
        duration: false,
        title,
        description: (
          <span>
            {incident.drill && `${t('incidents.drill')} · `}
            {incident.name} · {t('incidents.alert.dueAt', { at: formatDateTime(report.dueAt) })}{' '}
            <Countdown dueAt={report.dueAt} />
          </span>
        ),
        actions: (
          <Space>
            <Button size="small" data-testid="incident-report-alert-open" onClick={open}>
              {t('incidents.alert.open')}
            </Button>
            <Button
              size="small"
              type="primary"
              data-testid="incident-report-alert-record"
              onClick={() => {
                setRecording({ incidentId: incident.id, report });
              }}
            >
              {t('incidents.alert.record')}
            </Button>
          </Space>
        ),
        props: {
          'data-testid': 'incident-report-alert',
          'data-kind': due.kind,
          'data-report-id': report.id,
        } as HTMLAttributes<HTMLDivElement>,
      });
      shown.current.add(report.id);
      if (due.kind !== 'missed') {
        beep(due.kind === 'soon' ? 'yellow' : 'red');
        showDesktopNotification(key(report.id), title, incident.name, due.kind === 'due', open);
      }
    };
    return api.subscribe('incidents.reportDue', (due) => {
      // The banner's data names the report; fetch it fresh, the deadline may have just been set.
      void api
        .call('incidents.current', {})
        .then((fresh) => {
          queryClient.setQueryData(methodKey('incidents.current', {}), fresh);
          const { incidents } = fresh;
          const incident = incidents.find((i) => i.id === due.incidentId);
          const report = incident?.nextReports.find((r) => r.id === due.reportId);
          if (incident && report) show(due, incident, report);
        })
        .catch(() => undefined);
    });
  }, [api, queryClient, notification, names, t]);

  // Recorded, superseded by a level change, or the incident closed: the card has done its job.
  const open = useMemo(() => current.data?.incidents.flatMap((i) => i.nextReports.map((r) => r.id)), [current.data]);
  useEffect(() => {
    if (!open) return;
    const still = new Set(open);
    for (const id of shown.current) {
      if (!still.has(id)) {
        notification.destroy(key(id));
        shown.current.delete(id);
      }
    }
  }, [open, notification]);

  // Leaving the frame (sign-out) takes the cards with it.
  useEffect(() => {
    const cards = shown.current;
    return () => {
      for (const id of cards) notification.destroy(key(id));
    };
  }, [notification]);

  return (
    <RecordReportModal
      target={recording}
      onClose={() => {
        setRecording(null);
      }}
    />
  );
}
