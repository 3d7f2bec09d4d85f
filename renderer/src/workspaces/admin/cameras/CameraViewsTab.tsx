import { Alert, Flex, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraViewsReport } from '../../../../../common/contract/cameras';
import { useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { dayjs, shanghaiDayStart } from '../../../time/dayjs';
import { formatDuration } from './duration';
import { ViewsRangeBar } from './ViewsRangeBar';

type ByCamera = CameraViewsReport['byCamera'][number];
type ByUser = CameraViewsReport['byUser'][number];

/** Whole Shanghai days, the last one included: the report's `to` is the start of the day after. */
function rangeOf([start, end]: [Dayjs, Dayjs]): { from: number; to: number } {
  return { from: shanghaiDayStart(start).valueOf(), to: shanghaiDayStart(end).add(1, 'day').valueOf() };
}

/** Who watched which camera for how long, for supervision by the administrator. */
export function CameraViewsTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(6, 'day'), dayjs()]);
  const report = useApiQuery('cameras.viewsReport', rangeOf(range));
  const data = report.data;
  const duration = (ms: number) => formatDuration(t, ms);
  // The columns both tables share: how many views, and how long in all.
  const countColumn = { key: 'views', title: t('cameras.views.count'), dataIndex: 'views', align: 'right' } as const;
  const durationColumn = {
    key: 'total',
    title: t('cameras.views.duration'),
    dataIndex: 'totalMs',
    align: 'right',
    sorter: (a: { totalMs: number }, b: { totalMs: number }) => a.totalMs - b.totalMs,
    render: (ms: number) => duration(ms),
  } as const;

  return (
    <>
      <ViewsRangeBar range={range} setRange={setRange} data={data} />
      {report.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(report.error)} />}
      <Flex gap={16} wrap align="start">
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Typography.Title level={5}>{t('cameras.views.byCamera')}</Typography.Title>
          <Table<ByCamera>
            size="small"
            rowKey="cameraId"
            loading={report.isPending}
            dataSource={data?.byCamera ?? []}
            pagination={false}
            locale={{ emptyText: t('cameras.views.empty') }}
            data-testid="camera-views-by-camera"
            columns={[
              {
                key: 'camera',
                title: t('cameras.views.camera'),
                render: (_, r) => `${r.cameraName}（${r.cameraId}）`,
              },
              countColumn,
              { key: 'users', title: t('cameras.views.users'), dataIndex: 'users', align: 'right' },
              durationColumn,
            ]}
          />
        </div>
        <div style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Typography.Title level={5}>{t('cameras.views.byUser')}</Typography.Title>
          <Table<ByUser>
            size="small"
            rowKey="userId"
            loading={report.isPending}
            dataSource={data?.byUser ?? []}
            pagination={false}
            locale={{ emptyText: t('cameras.views.empty') }}
            data-testid="camera-views-by-user"
            columns={[
              { key: 'user', title: t('cameras.views.user'), dataIndex: 'userName' },
              countColumn,
              { key: 'cameras', title: t('cameras.views.cameras'), dataIndex: 'cameras', align: 'right' },
              durationColumn,
            ]}
          />
        </div>
      </Flex>
    </>
  );
}
