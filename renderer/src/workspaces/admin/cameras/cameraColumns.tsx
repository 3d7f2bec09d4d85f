import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { Camera } from '../../../../../common/contract/cameras';

const ONLINE_COLOR = { online: 'green', offline: 'red', unknown: 'default' } as const;

/** The registry's columns; the actions column is the caller's, since it owns the dialogs. */
export function cameraColumns(t: TFunction): ColumnsType<Camera> {
  return [
    {
      key: 'name',
      title: t('cameras.column.name'),
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" className="tabular" data-testid="camera-id">
            {c.id}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'code',
      title: t('cameras.column.code'),
      dataIndex: 'code',
      render: (code: string | null) => <span className="tabular">{code ?? '—'}</span>,
    },
    {
      key: 'place',
      title: t('cameras.column.place'),
      render: (_, c) => [c.workstationName, c.gridName, c.stationName].filter((s) => s !== null).join(' / '),
    },
    {
      key: 'protocol',
      title: t('cameras.column.protocol'),
      dataIndex: 'protocol',
      render: (p: string) => p.toUpperCase(),
    },
    {
      key: 'tags',
      title: t('cameras.column.tags'),
      render: (_, c) => (
        <Space size={[4, 4]} wrap>
          {c.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'enabled',
      title: t('cameras.column.enabled'),
      render: (_, c) => (
        <Tag color={c.enabled ? 'blue' : 'default'} data-testid="camera-enabled" data-enabled={String(c.enabled)}>
          {c.enabled ? t('cameras.enabled') : t('cameras.disabled')}
        </Tag>
      ),
    },
    {
      key: 'online',
      title: t('cameras.column.online'),
      render: (_, c) => <Tag color={ONLINE_COLOR[c.online]}>{t(`cameras.online.${c.online}`)}</Tag>,
    },
    {
      key: 'urls',
      title: t('cameras.column.urls'),
      // The hub sends URLs already masked (credentials read ***); they are shown as received.
      render: (_, c) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: 320 }}>
          <Typography.Text code ellipsis={{ tooltip: c.mainUrl }} data-testid="camera-main-url">
            {c.mainUrl}
          </Typography.Text>
          {c.subUrl !== null && (
            <Typography.Text code type="secondary" ellipsis={{ tooltip: c.subUrl }} data-testid="camera-sub-url">
              {c.subUrl}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
}
