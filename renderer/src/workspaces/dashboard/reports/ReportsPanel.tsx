import { App, Button, DatePicker, Empty, Flex, Select, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportKind, ReportList } from '../../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../../api';
import { base64ToBytes, saveFile } from '../../../components/download';
import { useErrorText } from '../../../i18n/useDisplay';
import { useOrderReference } from '../../../orders/reference/useOrderReference';
import { useUser } from '../../../stores/session';
import { inShanghai, shanghaiDayStart } from '../../../time/dayjs';
import { useReportColumns } from './useReportColumns';

function ScheduleNote({ schedule }: { schedule: ReportList['schedule'] }) {
  const { t } = useTranslation();
  const scope = schedule.stations ? t('kpiReports.scheduleScopeStations') : t('kpiReports.scheduleScopeCenter');
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="reports-schedule">
      {schedule.dailyAt === null
        ? t('kpiReports.scheduleOff')
        : t('kpiReports.scheduleDaily', { time: schedule.dailyAt, scope })}
    </Typography.Paragraph>
  );
}

/** Generate and download: the report's date (yesterday by default), and the station for the center's users. */
function useReportActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const generator = useApiMutation('reports.generate', {
    invalidates: ['reports.list'],
    onSuccess: (entry) => void message.success(t('kpiReports.generated', { name: entry.name })),
    onError: (error) => void message.error(t('kpiReports.failed', { message: errorText(error) })),
  });
  const downloader = useApiMutation('reports.download', {
    onSuccess: (file) => {
      saveFile(file.fileName, file.mime, base64ToBytes(file.dataBase64));
    },
    onError: (error) => void message.error(t('kpiReports.downloadFailed', { message: errorText(error) })),
  });
  const pending = downloader.isPending ? `${downloader.variables.name}.${downloader.variables.format}` : null;
  return { generator, downloader, pending };
}

/** 统计分析 → 报表: the generated daily and weekly reports, newest first, and "generate" for a day. */
export function ReportsPanel() {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const user = useUser();
  const ownStation = ref.unitById.get(user.orgUnitId)?.kind === 'station';
  const [date, setDate] = useState<Dayjs>(() => shanghaiDayStart(inShanghai()).subtract(1, 'day'));
  const [stationId, setStationId] = useState<string | undefined>(undefined);
  const list = useApiQuery('reports.list', {});
  const { generator, downloader, pending } = useReportActions();
  const columns = useReportColumns((name: string, format: ReportFormat) => {
    downloader.mutate({ name, format });
  }, pending);
  const generate = (kind: ReportKind) => {
    generator.mutate({ kind, date: date.format('YYYY-MM-DD'), ...(stationId ? { stationId } : {}) });
  };
  const pendingKind = generator.isPending ? generator.variables.kind : null;
  return (
    <div data-testid="reports-panel">
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        <DatePicker
          allowClear={false}
          format="YYYY-MM-DD"
          value={date}
          placeholder={t('kpiReports.date')}
          data-testid="reports-date"
          onChange={(v: Dayjs | null) => {
            if (v) setDate(v);
          }}
        />
        {!ownStation && (
          <Select<string>
            allowClear
            placeholder={t('kpiReports.center')}
            style={{ width: 150 }}
            value={stationId}
            data-testid="reports-station"
            options={ref.stations.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(v) => {
              setStationId(v);
            }}
          />
        )}
        <Button
          type="primary"
          loading={pendingKind === 'daily'}
          disabled={generator.isPending}
          data-testid="reports-generate-daily"
          onClick={() => {
            generate('daily');
          }}
        >
          {t('kpiReports.generateDaily')}
        </Button>
        <Tooltip title={t('kpiReports.weeklyHint')}>
          <Button
            loading={pendingKind === 'weekly'}
            disabled={generator.isPending}
            data-testid="reports-generate-weekly"
            onClick={() => {
              generate('weekly');
            }}
          >
            {t('kpiReports.generateWeekly')}
          </Button>
        </Tooltip>
      </Flex>
      {list.data && <ScheduleNote schedule={list.data.schedule} />}
      <Table
        size="small"
        rowKey="name"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.reports ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('kpiReports.empty')} /> }}
        data-testid="reports-table"
      />
    </div>
  );
}
