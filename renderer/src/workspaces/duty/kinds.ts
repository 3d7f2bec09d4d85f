import { DUTY_LOG_KIND_NAMES, type DutyLogKind } from '../../../../common/contract/duty-log';
import { useBilingual } from '../../i18n/useDisplay';

export const KIND_COLORS: Record<DutyLogKind, string> = {
  duty: 'default',
  call: 'blue',
  instruction: 'gold',
  important: 'red',
  equipment: 'orange',
  assigned: 'purple',
  system: 'cyan',
};

export function useKindName(): (kind: DutyLogKind) => string {
  const bilingual = useBilingual();
  return (kind) => bilingual(DUTY_LOG_KIND_NAMES[kind]);
}
