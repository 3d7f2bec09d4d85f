import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { StateTag } from '../../orders/display/StateTag';
import { formatDateTime } from '../../time/dayjs';

/** "3 小时 05 分" / "3 h 05 min": how long a linked order took (or has been open). */
function spanText(ms: number, t: TFunction): string {
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('incidents.orders.hm', { h, m: String(m).padStart(2, '0') }) : t('incidents.orders.m', { m });
}

/** 关联工单's columns: code, title (手动 when linked by hand), state, how long, linked when and by whom. */
export function useIncidentOrderColumns(): ColumnsType<IncidentDetail['orders'][number]> {
  const { t } = useTranslation();
  return [
    {
      key: 'code',
      title: t('incidents.orders.code'),
      render: (_, o) => <span className="tabular">{o.code}</span>,
    },
    {
      key: 'title',
      title: t('incidents.orders.titleCol'),
      render: (_, o) => (
        <span>
          {o.title}
          {!o.auto && (
            <Tag style={{ marginInlineStart: 6 }} variant="outlined">
              {t('incidents.orders.manual')}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'state', title: t('incidents.orders.state'), render: (_, o) => <StateTag state={o.state} /> },
    {
      key: 'duration',
      title: t('incidents.orders.duration'),
      render: (_, o) => (
        <Typography.Text className="tabular" type={o.closedAt === null ? 'warning' : undefined}>
          {spanText(o.durationMs, t)}
          {o.closedAt === null && ` ${t('incidents.orders.running')}`}
        </Typography.Text>
      ),
    },
    {
      key: 'linked',
      title: t('incidents.orders.linked'),
      render: (_, o) => (
        <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
          {formatDateTime(o.linkedAt)} · {o.linkedByName}
        </Typography.Text>
      ),
    },
  ];
}
