import { Alert, Flex, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import type { TimeLimit } from '../../../../../common/contract';
import { useErrorText } from '../../../i18n/useDisplay';
import { AddTimeLimitForm } from './AddTimeLimitForm';
import { useTimeLimitColumns } from './timeLimitColumns';
import { timeLimitKey, useTimeLimitsEditor } from './useTimeLimitsEditor';

/** Time limits per category × urgency, edited in place; a change applies to orders created afterwards. */
export function TimeLimitsTable() {
  const errorText = useErrorText();
  const editor = useTimeLimitsEditor();
  const columns = useTimeLimitColumns(editor);
  const { limits, rows } = editor;
  return (
    <Flex vertical gap={12}>
      {limits.error && <Alert type="error" showIcon title={errorText(limits.error)} />}
      <Table<TimeLimit>
        size="small"
        rowKey={timeLimitKey}
        loading={limits.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="sla-limits"
        onRow={(l) =>
          ({
            'data-testid': 'sla-limit-row',
            'data-category': l.categoryId,
            'data-urgency': l.urgency,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={columns}
      />
      <AddTimeLimitForm save={editor.save} />
    </Flex>
  );
}
