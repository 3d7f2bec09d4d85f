import { Flex, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimeLimit } from '../../../../../common/contract';
import { durationText } from '../../../components/duration';

/** A limit's minutes, edited in place, with the same span in days and hours beside it. */
export function LimitMinutesCell({ draft, edit }: { draft: TimeLimit; edit: (patch: Partial<TimeLimit>) => void }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8}>
      <InputNumber
        min={10}
        max={60 * 24 * 90}
        precision={0}
        value={draft.minutes}
        style={{ width: 110 }}
        data-testid="sla-limit-minutes"
        onChange={(v) => {
          if (v !== null) edit({ minutes: v });
        }}
      />
      <Typography.Text type="secondary">{durationText(draft.minutes, t)}</Typography.Text>
    </Flex>
  );
}
