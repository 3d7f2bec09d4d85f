import { useEffect, useState } from 'react';
import { useDebounced } from '../../components/useDebounced';
import { toOrderFilter, type OrderFilterFields, type OrderListQuery } from './query';

const TEXT_DEBOUNCE_MS = 300;

/** Sets one control of the filter bar (a cleared control is left out). */
export type SetFilterField = <K extends keyof OrderFilterFields>(key: K, value: OrderFilterFields[K]) => void;

/**
 * The filter bar's controls: every change applies at once, the search text after a short pause
 * (or at once on Enter, `applyNow`). `initial`: a linked filter's controls (filterFields.ts).
 */
export function useOrderFilterFields(
  onChange: (filter: OrderListQuery['filter']) => void,
  initial: { fields: OrderFilterFields; text: string } = { fields: {}, text: '' },
) {
  const [fields, setFields] = useState<OrderFilterFields>(initial.fields);
  const [text, setText] = useState(initial.text);
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
