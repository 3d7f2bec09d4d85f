import { Button, Card, Flex, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail, TimelineEntry } from '../../../../common/contract';
import type { TimelineKind } from '../../../../common/domain/incidents';
import { useErrorText } from '../../i18n/useDisplay';
import { INCIDENT_TEXT_MAX } from '../../../../common/contract';
import { formatDateTime } from '../../time/dayjs';
import { incidentTimelineEn } from '../../i18n/incident-timeline.en';
import { incidentTimelineZh } from '../../i18n/incident-timeline.zh';
import { useLanguage } from '../../stores/language';
import { useIncidentMutation } from '../data';
import { timelineText } from './timeline-text';

const KIND_COLOURS: Record<TimelineKind, string> = {
  activated: 'red',
  level: 'orange',
  checklist: 'green',
  order_linked: 'blue',
  notified: 'cyan',
  confirmed: 'cyan',
  report: 'purple',
  note: 'gray',
  closed: 'gray',
  report_missed: 'red',
};

function NoteComposer({ incidentId }: { incidentId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ text: string }>();
  const note = useIncidentMutation('incidents.note', {
    onSuccess: () => {
      form.resetFields();
    },
  });
  return (
    <Form
      form={form}
      onFinish={({ text }) => {
        note.mutate({ id: incidentId, text: text.trim() });
      }}
    >
      <Flex gap={8} align="start">
        <Form.Item
          name="text"
          style={{ flex: 1, marginBottom: 8 }}
          rules={[{ required: true, whitespace: true, message: t('incidents.timeline.noteRequired') }]}
          validateStatus={note.error ? 'error' : undefined}
          help={note.error ? errorText(note.error) : undefined}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={INCIDENT_TEXT_MAX}
            placeholder={t('incidents.timeline.notePlaceholder')}
            data-testid="incident-note-text"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
            }}
          />
        </Form.Item>
        <Button htmlType="submit" loading={note.isPending} data-testid="incident-note-submit">
          {t('incidents.timeline.note')}
        </Button>
      </Flex>
    </Form>
  );
}

function Entry({ entry, late }: { entry: TimelineEntry; late: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = timelineText(entry, {
    language,
    texts: language === 'en' ? incidentTimelineEn : incidentTimelineZh,
    formatTime: (ms) => formatDateTime(ms).slice(0, 16),
  });
  const missed = entry.kind === 'report_missed' || late;
  return (
    <div
      data-testid="incident-timeline-entry"
      data-kind={entry.kind}
      data-entry-id={entry.id}
      data-report-id={entry.ref?.reportId}
      data-late={late ? 'true' : undefined}
    >
      <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
        {formatDateTime(entry.at)} · {t(`incidents.timeline.kinds.${entry.kind}`)} ·{' '}
        {entry.byName || t('incidents.timeline.system')}
      </Typography.Text>
      {late && (
        <Tag color="error" style={{ marginLeft: 6 }} data-testid="incident-timeline-late">
          {t('incidents.reports.statuses.late')}
        </Tag>
      )}
      <Typography.Paragraph
        className={missed ? 'incident-timeline-missed' : undefined}
        style={{ margin: 0, whiteSpace: 'pre-wrap' }}
        ellipsis={{ rows: 4, expandable: true }}
      >
        {text}
      </Typography.Paragraph>
    </div>
  );
}

/**
 * The incident's log (like ICS 214): every switch, level change, tick, linked order, notification,
 * report and note with time and person, newest first, refetched on every `incidents.changed`.
 * Entries are append-only in the hub; a missed deadline stays red.
 */
export function TimelineCard({ detail, canNote }: { detail: IncidentDetail; canNote: boolean }) {
  const { t } = useTranslation();
  const active = detail.incident.closedAt === null;
  const entries = [...detail.timeline].reverse();
  // A report recorded after its deadline (迟报) stays red like the missed deadline before it.
  const lateReports = new Set(detail.reports.filter((r) => r.status === 'late').map((r) => r.id));
  const isLate = (entry: TimelineEntry) =>
    entry.kind === 'report' && entry.ref?.reportId !== undefined && lateReports.has(entry.ref.reportId);
  return (
    <Card
      size="small"
      title={t('incidents.timeline.title')}
      extra={
        <span data-testid="incident-timeline-count">{t('incidents.timeline.count', { count: entries.length })}</span>
      }
      data-testid="incident-timeline"
    >
      {canNote && active && <NoteComposer incidentId={detail.incident.id} />}
      <div style={{ maxHeight: 560, overflow: 'auto', paddingTop: 8 }}>
        <Timeline
          items={entries.map((entry) => ({
            key: entry.id,
            color: isLate(entry) ? 'red' : KIND_COLOURS[entry.kind],
            content: <Entry entry={entry} late={isLate(entry)} />,
          }))}
        />
      </div>
    </Card>
  );
}
