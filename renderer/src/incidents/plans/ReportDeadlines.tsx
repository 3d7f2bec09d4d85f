import { Flex, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS } from '../../../../common/domain/incidents';
import type { DraftReports } from './draft';

const REPORT_FIELDS = [
  { field: 'initialMinutes', label: 'incidentPlans.initial', unit: 'incidentPlans.minutesAfter', min: 1 },
  { field: 'writtenMinutes', label: 'incidentPlans.written', unit: 'incidentPlans.minutesAfter', min: 1 },
  { field: 'updateEveryMinutes', label: 'incidentPlans.update', unit: 'incidentPlans.everyMinutes', min: 0 },
] as const satisfies readonly { field: keyof DraftReports; label: string; unit: string; min: number }[];

/** A level's report deadlines in minutes: 初报 and 书面报告 after activation, 续报 every so often (0: none). */
export function ReportDeadlines({
  at,
  value,
  errors,
  onChange,
}: {
  /** The level's field path (`levels.<level>`). */
  at: string;
  value: DraftReports;
  errors: ReadonlyMap<string, string>;
  onChange: (next: DraftReports) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>{t('incidentPlans.reports')}</Typography.Text>
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        {REPORT_FIELDS.map(({ field, label, unit, min }) => {
          const error = errors.get(`${at}.reports.${field}`);
          return (
            <Form.Item
              key={field}
              label={t(label)}
              validateStatus={error ? 'error' : undefined}
              help={error}
              style={{ minWidth: 220 }}
            >
              <InputNumber<number>
                min={min}
                max={PLAN_LIMITS.minutesMax}
                precision={0}
                value={value[field]}
                suffix={t(unit)}
                style={{ width: 260 }}
                data-testid={`plan-report-${field}`}
                onChange={(n) => {
                  onChange({ ...value, [field]: n });
                }}
              />
            </Form.Item>
          );
        })}
      </Flex>
    </>
  );
}
