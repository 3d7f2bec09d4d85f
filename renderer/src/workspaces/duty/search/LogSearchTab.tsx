import { Alert, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyLogSearchRow } from '../../../../../common/contract/duty-log';
import { useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { LogSearchForm } from './LogSearchForm';
import { useLogSearchColumns } from './logSearchColumns';
import type { LogSearchInput } from './searchInput';

/** Search the duty logs (date range, type, Chinese text) and export what was found to XLSX. */
export function LogSearchTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [input, setInput] = useState<LogSearchInput>({});
  const result = useApiQuery('duty.log.search', input, { placeholderData: (previous) => previous });
  const columns = useLogSearchColumns(result.data?.rows);
  return (
    <Flex vertical gap={12}>
      <LogSearchForm
        input={input}
        onSearch={(next) => {
          setInput(next);
        }}
      />
      {result.error && <Alert type="error" showIcon title={errorText(result.error)} data-testid="duty-search-error" />}
      <Typography.Text type="secondary" data-testid="duty-search-count">
        {t('duty.search.results', { count: result.data?.rows.length ?? 0 })}
        {result.data?.truncated ? t('duty.search.truncated', { count: result.data.rows.length }) : ''}
      </Typography.Text>
      <Table<DutyLogSearchRow>
        size="small"
        rowKey="id"
        loading={result.isFetching}
        dataSource={result.data?.rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="duty-search-results"
        columns={columns}
      />
    </Flex>
  );
}
