import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShiftTemplateDto } from '../../../../../common/contract';
import type { DraftShift, PatternDraft } from './usePatternDraft';

/** The pattern table's columns: every field edited in place, faulty shifts outlined, remove for editors. */
export function usePatternColumns(state: PatternDraft, editable: boolean): TableColumnsType<DraftShift> {
  const { t } = useTranslation();
  const { faulty, edit } = state;
  const input = (r: DraftShift, field: 'code' | 'name' | 'nameEn' | 'start' | 'end', width: number, max: number) => (
    <Input
      size="small"
      value={r[field]}
      maxLength={max}
      style={{ width }}
      status={faulty.has(r.code) ? 'error' : undefined}
      disabled={!editable || (field === 'code' && !r.isNew)}
      placeholder={field === 'start' ? '08:00' : field === 'end' ? '16:00' : undefined}
      data-testid={`pattern-${field}`}
      onChange={(e) => {
        edit(r.key, { [field]: e.target.value });
      }}
    />
  );
  return [
    { key: 'code', title: t('roster.pattern.code'), width: 130, render: (_, r) => input(r, 'code', 110, 32) },
    { key: 'name', title: t('roster.pattern.name'), width: 120, render: (_, r) => input(r, 'name', 100, 20) },
    {
      key: 'nameEn',
      title: t('roster.pattern.nameEn'),
      width: 140,
      render: (_, r) => input(r, 'nameEn', 120, 40),
    },
    { key: 'start', title: t('roster.pattern.start'), width: 90, render: (_, r) => input(r, 'start', 70, 5) },
    { key: 'end', title: t('roster.pattern.end'), width: 90, render: (_, r) => input(r, 'end', 70, 5) },
    {
      key: 'kind',
      title: t('roster.pattern.kind'),
      width: 120,
      render: (_, r) => (
        <Select<ShiftTemplateDto['kind']>
          size="small"
          value={r.kind}
          disabled={!editable}
          style={{ width: 100 }}
          data-testid="pattern-kind"
          options={[
            { value: 'duty', label: t('roster.kind.duty') },
            { value: 'standby', label: t('roster.kind.standby') },
          ]}
          onChange={(kind) => {
            edit(r.key, { kind });
          }}
        />
      ),
    },
    ...(editable
      ? [
          {
            key: 'remove',
            width: 50,
            render: (_: unknown, r: DraftShift) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('roster.pattern.remove')}
                data-testid="pattern-remove"
                onClick={() => {
                  state.remove(r.key);
                }}
              />
            ),
          },
        ]
      : []),
  ];
}
