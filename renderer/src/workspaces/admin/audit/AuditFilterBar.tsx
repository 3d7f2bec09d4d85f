import { Button, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api';
import { DATE_TIME_FORMAT } from '../../../time/dayjs';
import { methodName } from './render';
import { useAuditRender } from './useAuditRender';
import { toAuditFilters, type AuditFilterFields, type AuditFilters } from './filters';

export function AuditFilterBar({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterFields>();
  const methods = useApiQuery('audit.methods', {});
  const names = useAuditRender();
  return (
    <Form<AuditFilterFields>
      form={form}
      layout="inline"
      data-testid="audit-filters"
      style={{ rowGap: 8, marginBottom: 12 }}
      onFinish={(fields) => {
        onApply(toAuditFilters(fields));
      }}
    >
      {/* Two pickers rather than a RangePicker: each end gets its own test id and can stay open. */}
      <Form.Item name="from" label={t('audit.filter.from')}>
        <DatePicker showTime format={DATE_TIME_FORMAT} data-testid="audit-filter-from" />
      </Form.Item>
      <Form.Item name="to" label={t('audit.filter.to')}>
        <DatePicker showTime format={DATE_TIME_FORMAT} data-testid="audit-filter-to" />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.filter.actor')}>
        <Input
          allowClear
          placeholder={t('audit.filter.actorPlaceholder')}
          style={{ width: 160 }}
          data-testid="audit-filter-actor"
        />
      </Form.Item>
      <Form.Item name="method" label={t('audit.filter.method')}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filter.methodPlaceholder')}
          style={{ width: 220 }}
          loading={methods.isPending}
          options={(methods.data ?? []).map((m) => ({ value: m, label: methodName(m, names) }))}
          data-testid="audit-filter-method"
        />
      </Form.Item>
      <Form.Item name="text" label={t('audit.filter.text')}>
        <Input
          allowClear
          placeholder={t('audit.filter.textPlaceholder')}
          style={{ width: 180 }}
          data-testid="audit-filter-text"
        />
      </Form.Item>
      <Form.Item name="onlyFailures" valuePropName="checked">
        <Checkbox data-testid="audit-filter-failures">{t('audit.filter.onlyFailures')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          data-testid="audit-reset"
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
