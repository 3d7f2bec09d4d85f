import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MethodInput, OrderDetail } from '../../../../common/contract';
import type { FeedbackResult } from '../../../../common/domain/orders/feedback';
import type { ResponseLevel } from '../../../../common/domain/orders/states';
import type { OrderAction } from '../../../../common/domain/orders/transitions';
import { useApi, useApiMutation } from '../../api';
import { useOrderNames } from '../display/useOrderNames';
import { syncOrderLists } from '../listSync';
import { parseHandlerValue } from '../reference/options';
import { useOrderReference } from '../reference/useOrderReference';
import type { ActionFields } from './actionFields';
import { outsideJurisdiction } from './outsideJurisdiction';

/** The action form's values; each action shows only the ones it needs. */
export interface ActionFormValues {
  reason?: string;
  handler?: string;
  responseLevel?: ResponseLevel;
  extensionHours?: number;
  parentId?: number;
  supervisionDue?: Dayjs;
  feedbackResult?: FeedbackResult;
}

/** orders.act's input from the values the action's form shows. */
function actInput(
  order: OrderDetail,
  action: OrderAction,
  fields: ActionFields,
  values: ActionFormValues,
  attachmentIds: number[],
): MethodInput<'orders.act'> {
  const input: MethodInput<'orders.act'> = { id: order.id, action, attachmentIds };
  const reason = values.reason?.trim();
  if (reason) input.reason = reason;
  if (fields.handler && values.handler) {
    const handler = parseHandlerValue(values.handler);
    if (handler) input.handler = handler;
  }
  if (fields.responseLevel && values.responseLevel) input.responseLevel = values.responseLevel;
  if (fields.extensionHours && values.extensionHours) input.extensionHours = values.extensionHours;
  if (fields.parent && values.parentId) input.parentId = values.parentId;
  if (fields.supervisionDue && values.supervisionDue) input.supervisionDueAt = values.supervisionDue.valueOf();
  if (fields.feedbackResult && values.feedbackResult) input.feedbackResult = values.feedbackResult;
  return input;
}

/**
 * orders.act for one step of one order: lists refresh as on a pushed change, a handler outside the
 * place's own station is confirmed first, success closes the form.
 */
export function useOrderAct(
  order: OrderDetail,
  action: OrderAction,
  fields: ActionFields,
  attachmentIds: number[],
  onClose: () => void,
) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const ref = useOrderReference();
  const names = useOrderNames();
  const api = useApi();
  const queryClient = useQueryClient();
  const act = useApiMutation('orders.act', {
    invalidates: ['orders.get', 'orders.supervisions.list', 'orders.alerts.list'],
    onSuccess: (updated) => {
      // Lists the same way as a pushed change: a deep list keeps its place.
      void syncOrderLists(queryClient, api, new Set([updated.id]));
      void message.success(t('orders.act.done', { action: names.action(action), code: updated.code }));
      onClose();
    },
  });

  const submit = (values: ActionFormValues) => {
    const input = actInput(order, action, fields, values, attachmentIds);
    // Outside the place's own station: say whose it is and ask (the hub records it if it goes ahead).
    const outside = input.handler ? outsideJurisdiction(order, input.handler, (id) => ref.unitById.get(id)) : null;
    if (!outside) {
      act.mutate(input);
      return;
    }
    modal.confirm({
      title: t('place.jurisdiction.confirmTitle'),
      content: <span data-testid="act-outside-confirm">{t('place.jurisdiction.confirm', { ...outside })}</span>,
      okText: t('place.jurisdiction.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'act-outside-ok' },
      cancelButtonProps: { 'data-testid': 'act-outside-cancel' },
      onOk: () => {
        act.mutate(input);
      },
    });
  };

  return { act, submit };
}
