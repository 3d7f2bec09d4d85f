import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUTY_LOG_KINDS } from '../../../../../common/contract/duty-log';
import { useApiQuery } from '../../../api';
import { useUser } from '../../../stores/session';
import { useKindName } from '../kinds';
import { useLogExport } from './useLogExport';
import { toLogSearch, type LogSearchFields, type LogSearchInput } from './searchInput';

/**
 * The search's conditions (the unit only for the center's users) and the XLSX export of the
 * search last run (`input`), not of conditions typed since.
 */
export function LogSearchForm({
  input,
  onSearch,
}: {
  input: LogSearchInput;
  onSearch: (input: LogSearchInput) => void;
}) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const user = useUser();
  const [form] = Form.useForm<LogSearchFields>();
  const units = useApiQuery('org.units.list', {});
  const isCenter = units.data?.find((u) => u.id === user.orgUnitId)?.kind === 'center';
  const dutyUnits = (units.data ?? []).filter((u) => u.kind === 'center' || u.kind === 'station');
  const exporter = useLogExport();
  return (
    <Form<LogSearchFields>
      form={form}
      layout="inline"
      style={{ rowGap: 8 }}
      data-testid="duty-search-form"
      onFinish={(fields) => {
        onSearch(toLogSearch(fields));
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
  );
}
