import { App, Form, type InputRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { useApiMutation } from '../../api';
import { markServerErrors } from '../../components/form-errors';
import { useUser } from '../../stores/session';
import type { UploadState } from '../attachments/AttachmentUploader';
import { INTAKE_FIELDS, intakeInitialValues, intakeInput, type IntakeFields } from './fields';
import type { IntakePrefill } from './prefill';
import { useIncidentIntake } from './useIncidentIntake';
import { useIntakeKeys } from './useIntakeKeys';

/**
 * The intake form's state: its values, uploads, orders.create, clearing (after asking) and the
 * keys (Ctrl+Enter submits, Esc asks to clear). A new order clears the form for the next call.
 */
export function useIntakeForm(
  onCreated: (order: OrderDetail) => void,
  prefill: IntakePrefill | undefined,
  /** The title field: where the form starts again after a submit or a clear. */
  titleRef: RefObject<InputRef | null>,
  /** Where the form is: its own drawer (the wall's snapshot intake) does not swallow Ctrl+Enter. */
  hostRef: RefObject<HTMLElement | null>,
) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const user = useUser();
  const [form] = Form.useForm<IntakeFields>();
  const [uploads, setUploads] = useState<UploadState>({ ids: [], busy: false });
  const [uploaderKey, setUploaderKey] = useState(0);
  const onUploads = useCallback((state: UploadState) => {
    setUploads(state);
  }, []);
  const clearing = useRef(false);
  const incident = useIncidentIntake();

  const initialValues = useMemo(
    () => intakeInitialValues(user.roles, incident.responseLevel, prefill),
    [user.roles, prefill, incident.responseLevel],
  );

  // Incident mode switched on or off while the form is open: follow it unless the operator chose.
  useEffect(() => {
    if (!form.isFieldTouched('responseLevel')) form.setFieldValue('responseLevel', incident.responseLevel);
  }, [form, incident.responseLevel]);

  const reset = useCallback(() => {
    form.resetFields();
    setUploaderKey((k) => k + 1);
    titleRef.current?.focus();
  }, [form, titleRef]);

  const create = useApiMutation('orders.create', {
    invalidates: ['orders.list', 'orders.duplicates'],
    onSuccess: (order) => {
      onCreated(order);
      reset();
    },
    onError: (error) => {
      markServerErrors(form, error, INTAKE_FIELDS);
    },
  });

  const submit = (f: IntakeFields) => {
    if (uploads.busy || create.isPending || !f.categoryId) return;
    create.mutate(intakeInput({ ...f, categoryId: f.categoryId }, prefill, uploads.ids));
  };

  const askClear = () => {
    if (clearing.current) return;
    clearing.current = true;
    modal.confirm({
      title: t('intake.clearConfirm'),
      okText: t('intake.clear'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'intake-clear-ok' },
      focusable: { autoFocusButton: 'ok' },
      onOk: reset,
      afterClose: () => {
        clearing.current = false;
        // The dialog hands focus back to where it was; the next call starts at the title.
        titleRef.current?.focus();
      },
    });
  };

  useIntakeKeys(
    () => {
      form.submit();
    },
    askClear,
    hostRef,
  );

  return { form, incident, initialValues, uploads, uploaderKey, onUploads, create, submit, askClear };
}
