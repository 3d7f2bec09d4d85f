import { DatePicker, Flex, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CameraViewsReport } from '../../../../../common/contract/cameras';
import { formatDuration } from './duration';

/** The report's days and, once loaded, its totals. */
export function ViewsRangeBar({
  range,
  setRange,
  data,
}: {
  range: [Dayjs, Dayjs];
  setRange: (range: [Dayjs, Dayjs]) => void;
  data: CameraViewsReport | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Typography.Text>{t('cameras.views.range')}</Typography.Text>
      <DatePicker.RangePicker
        value={range}
        allowClear={false}
        // The hub refuses ranges over 366 days; a year is the longest useful supervision window.
        disabledDate={(d, info) => info.from !== undefined && Math.abs(d.diff(info.from, 'day')) > 365}
        data-testid="camera-views-range"
        onChange={(next) => {
          if (next?.[0] && next[1]) setRange([next[0], next[1]]);
        }}
      />
      {data && (
        <Typography.Text type="secondary" data-testid="camera-views-totals">
          {t('cameras.views.totals', {
            views: data.totals.views,
            duration: formatDuration(t, data.totals.totalMs),
            open: data.totals.stillOpen,
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}
