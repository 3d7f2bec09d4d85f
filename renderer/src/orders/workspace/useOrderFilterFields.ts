import { useEffect, useState } from 'react';
import { useDebounced } from '../../components/useDebounced';
import { toOrderFilter, type OrderFilterFields, type OrderListQuery } from './query';

const TEXT_DEBOUNCE_MS = 300;

/** Sets one control of the filter bar (a cleared control is left out). */
export type SetFilterField = <K extends keyof OrderFilterFields>(key: K, value: OrderFilterFields[K]) => void;

/**
 * The filter bar's controls: every change applies at once, the search text after a short pause
 * (or at once on Enter, `applyNow`).
 */
export function useOrderFilterFields(onChange: (filter: OrderListQuery['filter']) => void) {
  const [fields, setFields] = useState<OrderFilterFields>({});
  const [text, setText] = useState('');
  const settledText = useDebounced(text, TEXT_DEBOUNCE_MS);

  const set: SetFilterField = (key, value) => {
    setFields((f) => ({ ...f, [key]: value ?? undefined }));
  };

  useEffect(() => {
    onChange(toOrderFilter({ ...fields, text: settledText }));
  }, [fields, settledText, onChange]);

  const applyNow = () => {
    onChange(toOrderFilter({ ...fields, text }));
  };

  const reset = () => {
    setFields({});
    setText('');
  };

  return { fields, set, text, setText, applyNow, reset };
}
