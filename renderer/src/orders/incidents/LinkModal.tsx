import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Modal } from 'antd';
import type { ReactNode } from 'react';
import type { IncidentDetail, MethodInput } from '../../../../common/contract';
import { useApi } from '../../api';
import { useIncidentMutation } from '../../incidents/data';
import { useErrorText } from '../../i18n/useDisplay';
import { syncOrderLists } from '../listSync';

/** The incident (`id`) and the order to link to it. */
export type OrderLink = MethodInput<'incidents.orders.link'>;

/**
 * The one dialog of incidents.orders.link, whichever side it starts from (an order's 关联到当前事件,
 * the incident page's 关联工单): OK links what the caller chose, the order lists follow, a message says
 * what was linked, and the hub's refusal shows in the dialog.
 */
export function LinkModal({
  title,
  okText,
  testId,
  link,
  doneText,
  onLinked,
  onClose,
  children,
}: {
  title: string;
  okText: string;
  /** Prefix of the OK button's (`-ok`) and the error's (`-error`) test ids. */
  testId: string;
  /** What OK links; undefined while nothing is chosen. */
  link: OrderLink | undefined;
  doneText: (detail: IncidentDetail, link: OrderLink) => string;
  /** Runs first on success (e.g. refetching the order on show). */
  onLinked?: (link: OrderLink) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const mutation = useIncidentMutation('incidents.orders.link', {
    onSuccess: (detail, input) => {
      onLinked?.(input);
      void syncOrderLists(queryClient, api, new Set([input.orderId]));
      void message.success(doneText(detail, input));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{
        disabled: link === undefined,
        loading: mutation.isPending,
        'data-testid': `${testId}-ok`,
      }}
      onOk={() => {
        if (link !== undefined) mutation.mutate(link);
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {mutation.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid={`${testId}-error`}
          title={errorText(mutation.error)}
        />
      )}
      {children}
    </Modal>
  );
}
