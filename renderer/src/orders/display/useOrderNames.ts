import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderState, OrderSource, ResponseLevel, Urgency } from '../../../../common/domain/orders/states';
import {
  ORDER_STATE_NAMES,
  RESPONSE_LEVEL_NAMES,
  SOURCE_NAMES,
  URGENCY_NAMES,
} from '../../../../common/domain/orders/states';
import { FEEDBACK_RESULT_NAMES, type FeedbackResult } from '../../../../common/domain/orders/feedback';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import { useBilingual } from '../../i18n/useDisplay';

export interface OrderNames {
  state: (s: OrderState) => string;
  urgency: (u: Urgency) => string;
  source: (s: OrderSource) => string;
  level: (l: ResponseLevel) => string;
  /** Lifecycle steps, plus 'create' (登记) for the first timeline entry. */
  action: (a: OrderAction | 'create') => string;
  /** 回访结果 */
  feedback: (r: FeedbackResult) => string;
}

/** Display names of the order vocabulary in the UI language (states etc. from common/, actions from i18n). */
export function useOrderNames(): OrderNames {
  const pick = useBilingual();
  const { t } = useTranslation();
  const action = useCallback((a: OrderAction | 'create') => t(`orders.action.${a}`), [t]);
  return useMemo(
    () => ({
      state: (s) => pick(ORDER_STATE_NAMES[s]),
      urgency: (u) => pick(URGENCY_NAMES[u]),
      source: (s) => pick(SOURCE_NAMES[s]),
      level: (l) => pick(RESPONSE_LEVEL_NAMES[l]),
      action,
      feedback: (r) => pick(FEEDBACK_RESULT_NAMES[r]),
    }),
    [pick, action],
  );
}
