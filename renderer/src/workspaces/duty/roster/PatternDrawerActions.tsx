import { Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyPatternDto } from '../../../../../common/contract';
import type { PatternDraft } from './usePatternDraft';

/** The editor's buttons in the drawer's header: start over from the default pattern (after confirming), save. */
export function PatternDrawerActions({ pattern, state }: { pattern: DutyPatternDto | undefined; state: PatternDraft }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8}>
      {pattern && (
        <Popconfirm
          title={t('roster.pattern.loadDefaultConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => {
            state.loadDefault(pattern.orgKind);
          }}
        >
          <Button data-testid="pattern-load-default">{t('roster.pattern.loadDefault')}</Button>
        </Popconfirm>
      )}
      <Button
        type="primary"
        disabled={state.draft === null || !pattern}
        loading={state.save.isPending}
        data-testid="pattern-save"
        onClick={state.submit}
      >
        {t('common.save')}
      </Button>
    </Flex>
  );
}
