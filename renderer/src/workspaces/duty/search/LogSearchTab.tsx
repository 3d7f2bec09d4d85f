import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUTY_LOG_KINDS, type DutyLogSearchRow } from '../../../../../common/contract/duty-log';
import { useApiMutation, useApiQuery } from '../../../api';
import { base64ToBytes, saveFile } from '../../../components/download';
import { useErrorText } from '../../../i18n/useDisplay';
import { useUser } from '../../../stores/session';
import { formatDateTime } from '../../../time/dayjs';
import { useEntryLabels } from '../entryRef';
import { KIND_COLORS, useKindName } from '../kinds';
import { shiftLabel, useShiftNames } from './shiftLabel';
import { useLanguage } from '../../../stores/language';
import { toLogSearch, type LogSearchFields, type LogSearchInput } from './searchInput';

/** Search the duty logs (date range, type, Chinese text) and export what was found to XLSX. */
export function LogSearchTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const kindName = useKindName();
  const labels = useEntryLabels();
  const user = useUser();
  const [form] = Form.useForm<LogSearchFields>();
  const [input, setInput] = useState<LogSearchInput>({});
  const units = useApiQuery('org.units.list', {});
  const isCenter = units.data?.find((u) => u.id === user.orgUnitId)?.kind === 'center';
  const dutyUnits = (units.data ?? []).filter((u) => u.kind === 'center' || u.kind === 'station');
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;
  const result = useApiQuery('duty.log.search', input, { placeholderData: (previous) => previous });
  const language = useLanguage();
  const resultUnits = useMemo(() => (result.data?.rows ?? []).map((r) => r.orgUnitId), [result.data]);
  const shiftNames = useShiftNames(resultUnits);
  const exporter = useApiMutation('duty.log.export', {
    onSuccess: (file) => {
      saveFile(file.fileName, file.mime, base64ToBytes(file.dataBase64));
      const key = file.truncated ? 'duty.search.exportTruncated' : 'duty.search.exported';
      void message.success(t(key, { count: file.rows, fileName: file.fileName }));
    },
    onError: (e) => {
      void message.error(t('duty.search.exportFailed', { message: errorText(e) }));
    },
  });
  return (
    <Flex vertical gap={12}>
      <Form<LogSearchFields>
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        data-testid="duty-search-form"
        onFinish={(fields) => {
          setInput(toLogSearch(fields));
        }}
      >
        {isCenter && (
          <Form.Item name="orgUnitId" label={t('duty.search.unit')}>
            <Select
              allowClear
              placeholder={t('duty.search.allUnits')}
              style={{ width: 200 }}
              options={dutyUnits.map((u) => ({ value: u.id, label: u.name }))}
              data-testid="duty-search-unit"
            />
          </Form.Item>
        )}
        <Form.Item name="range" label={t('duty.search.range')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="duty-search-range" />
        </Form.Item>
        <Form.Item name="kind" label={t('duty.search.kind')}>
          <Select
            allowClear
            placeholder={t('duty.search.allKinds')}
            style={{ width: 140 }}
            options={DUTY_LOG_KINDS.map((k) => ({ value: k, label: kindName(k) }))}
            data-testid="duty-search-kind"
          />
        </Form.Item>
        <Form.Item name="text" label={t('duty.search.text')}>
          <Input
            allowClear
            placeholder={t('duty.search.textPlaceholder')}
            style={{ width: 220 }}
            data-testid="duty-search-text"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="duty-search-submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            data-testid="duty-search-export"
            onClick={() => {
              exporter.mutate(input);
            }}
          >
            {t('duty.search.export')}
          </Button>
        </Form.Item>
      </Form>
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
        columns={[
          {
            key: 'no',
            title: t('duty.search.columns.no'),
            width: 80,
            render: (_, r) => <span data-testid="duty-search-no">{labels.no(r.seq)}</span>,
          },
          { key: 'at', title: t('duty.search.columns.at'), width: 170, render: (_, r) => formatDateTime(r.at) },
          { key: 'unit', title: t('duty.search.columns.unit'), width: 150, render: (_, r) => unitName(r.orgUnitId) },
          {
            key: 'shift',
            title: t('duty.search.columns.shift'),
            width: 130,
            render: (_, r) => shiftLabel(r.shiftDate, shiftNames(r.orgUnitId, r.shiftCode), r.shiftCode, language),
          },
          {
            key: 'kind',
            title: t('duty.search.columns.kind'),
            width: 100,
            render: (_, r) => <Tag color={KIND_COLORS[r.kind]}>{kindName(r.kind)}</Tag>,
          },
          { key: 'author', title: t('duty.search.columns.author'), width: 140, dataIndex: 'authorName' },
          {
            key: 'text',
            title: t('duty.search.columns.text'),
            render: (_, r) => (
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {r.correctsRef !== null && (
                  <Tag color="warning">{t('duty.log.corrects', { ref: labels.ref(r.correctsRef, r.shiftId) })}</Tag>
                )}
                {r.text}
              </span>
            ),
          },
        ]}
      />
    </Flex>
  );
}
