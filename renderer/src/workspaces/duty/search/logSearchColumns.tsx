import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyLogSearchRow } from '../../../../../common/contract/duty-log';
import { useApiQuery } from '../../../api';
import { useLanguage } from '../../../stores/language';
import { formatDateTime } from '../../../time/dayjs';
import { useEntryLabels } from '../entryRef';
import { KIND_COLORS, useKindName } from '../kinds';
import { shiftLabel, useShiftNames } from './shiftLabel';

/** The results' columns; shift names come from the patterns of the units found. */
export function useLogSearchColumns(rows: readonly DutyLogSearchRow[] | undefined): TableColumnsType<DutyLogSearchRow> {
  const { t } = useTranslation();
  const kindName = useKindName();
  const labels = useEntryLabels();
  const language = useLanguage();
  const units = useApiQuery('org.units.list', {});
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;
  const resultUnits = useMemo(() => (rows ?? []).map((r) => r.orgUnitId), [rows]);
  const shiftNames = useShiftNames(resultUnits);
  return [
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
  ];
}
