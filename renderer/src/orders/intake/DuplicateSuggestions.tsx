import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import { StateTag } from '../display/StateTag';
import { openOrder } from '../drawer/store';
import { formatDateTime } from '../../time/dayjs';

export interface DuplicateProbe {
  categoryId: string | undefined;
  workstationId: string | null;
  title: string;
  description: string;
}

const DEBOUNCE_MS = 400;

/** While the officer types: open orders of the same category and place with similar words. */
export function DuplicateSuggestions({ probe }: { probe: DuplicateProbe }) {
  const { t } = useTranslation();
  const settled = useDebounced(probe, DEBOUNCE_MS);
  const categoryId = settled.categoryId;
  const ready = categoryId !== undefined && settled.title.trim().length >= 2;
  const found = useApiQuery(
    'orders.duplicates',
    {
      categoryId: categoryId ?? '',
      workstationId: settled.workstationId,
      title: settled.title.trim().slice(0, 100),
      description: settled.description.trim().slice(0, 4000),
    },
    { enabled: ready, placeholderData: (previous) => previous, staleTime: 10_000 },
  );
  const rows = ready ? (found.data ?? []) : [];
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          {t('intake.duplicates')}
          {ready && found.isFetching && <Spin size="small" />}
        </Flex>
      }
      data-testid="duplicate-suggestions"
      data-count={rows.length}
    >
      {!ready ? (
        <Typography.Text type="secondary">{t('intake.duplicatesHint')}</Typography.Text>
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.duplicatesNone')} />
      ) : (
        <Flex vertical gap={8}>
          {rows.map((o) => (
            <Flex
              key={o.id}
              vertical
              gap={2}
              data-testid="duplicate-suggestion"
              data-code={o.code}
              style={{ borderBottom: '1px solid #182843', paddingBottom: 6 }}
            >
              <Flex align="center" gap={8}>
                <Typography.Link
                  className="tabular"
                  data-testid="duplicate-open"
                  onClick={() => {
                    openOrder(o.id);
                  }}
                >
                  {o.code}
                </Typography.Link>
                <StateTag state={o.state} />
                <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
                  {t('intake.similarity', { percent: Math.round(o.similarity * 100) })}
                </Typography.Text>
              </Flex>
              <Typography.Text ellipsis>{o.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[o.workstationName, o.address, formatDateTime(o.createdAt)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
