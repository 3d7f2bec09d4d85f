import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api';

/** Picks cameras to link to an entry (the unit's cameras, searched by name or place as typed). */
export function CameraPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const cameras = useApiQuery('cameras.list', { filter: {}, limit: 2_000 }, { staleTime: 300_000 });
  return (
    <Select<string[]>
      mode="multiple"
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('duty.compose.camerasPlaceholder')}
      loading={cameras.isLoading}
      value={value}
      options={(cameras.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.workstationName}）` }))}
      onChange={onChange}
      style={{ minWidth: 280 }}
      data-testid="duty-camera-picker"
    />
  );
}
