import { Alert, App, Button, Col, Form, Input, Row, Select, Space, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import {
  RESPONSE_LEVELS,
  type OrderSource,
  type ResponseLevel,
  type Urgency,
} from '../../../../common/domain/orders/states';
import { useApiMutation } from '../../api';
import { markServerErrors } from '../../components/form-errors';
import { useErrorText } from '../../i18n/useDisplay';
import { useOrderNames } from '../display/useOrderNames';
import { AttachmentUploader, type UploadState } from '../attachments/AttachmentUploader';
import { useUser } from '../../stores/session';
import type { IntakePrefill } from './prefill';
import { PrefilledAttachments } from './PrefilledAttachments';
import { useIncidentIntake } from './useIncidentIntake';
import { CategorySelect } from './CategorySelect';
import { defaultSource, INTAKE_SOURCES, PHONE_PATTERN } from './defaults';
import { DuplicateSuggestions } from './DuplicateSuggestions';
import { UrgencyPicker } from './UrgencyPicker';
import { useIntakeKeys } from './useIntakeKeys';
import { WorkstationSelect } from './WorkstationSelect';

interface Fields {
  title: string;
  description: string;
  categoryId?: string;
  workstationId: string | null;
  address: string;
  source: Exclude<OrderSource, 'open311'>;
  reporterName: string;
  reporterPhone: string;
  urgency: Urgency;
  responseLevel: ResponseLevel;
}

const FIELDS = [
  'title',
  'description',
  'categoryId',
  'workstationId',
  'address',
  'source',
  'reporterName',
  'reporterPhone',
  'urgency',
  'responseLevel',
] as const;

/**
 * Keyboard first: everything by Tab and typing; Ctrl+Enter submits, Esc clears (after asking).
 * `prefill` comes from the video wall's snapshot: its fields, camera and attached frame.
 */
export function IntakeForm({
  onCreated,
  banner,
  prefill,
}: {
  onCreated: (order: OrderDetail) => void;
  banner?: ReactNode;
  prefill?: IntakePrefill;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const names = useOrderNames();
  const errorText = useErrorText();
  const user = useUser();
  const [form] = Form.useForm<Fields>();
  const titleRef = useRef<InputRef>(null);
  const [uploads, setUploads] = useState<UploadState>({ ids: [], busy: false });
  const [uploaderKey, setUploaderKey] = useState(0);
  const onUploads = useCallback((state: UploadState) => {
    setUploads(state);
  }, []);
  const clearing = useRef(false);
  // Where the form is: its own drawer (the wall's snapshot intake) does not swallow Ctrl+Enter.
  const hostRef = useRef<HTMLDivElement>(null);
  const incident = useIncidentIntake();

  const initialValues = useMemo<Partial<Fields>>(
    () => ({
      title: '',
      description: '',
      workstationId: null,
      address: '',
      source: defaultSource(user.roles) as Fields['source'],
      reporterName: '',
      reporterPhone: '',
      urgency: 'normal',
      responseLevel: incident.responseLevel,
      ...(prefill && {
        description: prefill.description,
        workstationId: prefill.workstationId,
        source: prefill.source,
      }),
    }),
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
  }, [form]);

  const create = useApiMutation('orders.create', {
    invalidates: ['orders.list', 'orders.duplicates'],
    onSuccess: (order) => {
      onCreated(order);
      reset();
    },
    onError: (error) => {
      markServerErrors(form, error, FIELDS);
    },
  });

  const submit = (f: Fields) => {
    if (uploads.busy || create.isPending || !f.categoryId) return;
    create.mutate({
      title: f.title.trim(),
      description: f.description.trim(),
      categoryId: f.categoryId,
      workstationId: f.workstationId ?? null,
      address: f.address.trim(),
      source: f.source,
      reporterName: f.reporterName.trim() || null,
      reporterPhone: f.reporterPhone.trim() || null,
      urgency: f.urgency,
      responseLevel: f.responseLevel,
      attachmentIds: [...(prefill?.attachments.map((a) => a.id) ?? []), ...uploads.ids],
      cameraId: prefill?.cameraId ?? null,
      acceptNow: true,
    });
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

  // Undefined until the form has mounted, whatever Fields says.
  const title = (Form.useWatch('title', form) as string | undefined) ?? '';
  const description = (Form.useWatch('description', form) as string | undefined) ?? '';
  const categoryId = Form.useWatch('categoryId', form);
  const workstationId = Form.useWatch('workstationId', form) ?? null;
  const probe = useMemo(
    () => ({ title, description, categoryId, workstationId }),
    [title, description, categoryId, workstationId],
  );

  const required = (message: string) => ({ required: true, message });
  return (
    <Row gutter={24} ref={hostRef}>
      <Col flex="1 1 560px" style={{ maxWidth: 820 }}>
        {banner}
        <Form<Fields>
          form={form}
          layout="vertical"
          data-testid="intake-form"
          initialValues={initialValues}
          onFinish={submit}
          disabled={create.isPending}
          requiredMark
        >
          <Form.Item
            name="title"
            label={t('intake.title')}
            rules={[
              { ...required(t('intake.titleRequired')), whitespace: true },
              { min: 2, max: 100, message: t('intake.titleRule') },
            ]}
          >
            <Input
              ref={titleRef}
              autoFocus
              maxLength={100}
              placeholder={t('intake.titlePlaceholder')}
              data-testid="intake-title"
            />
          </Form.Item>
          <Form.Item name="description" label={t('intake.description')} rules={[{ max: 4000 }]}>
            <Input.TextArea
              rows={3}
              maxLength={4000}
              placeholder={t('intake.descriptionPlaceholder')}
              data-testid="intake-description"
            />
          </Form.Item>
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item
                name="categoryId"
                label={t('intake.category')}
                rules={[required(t('intake.categoryRequired'))]}
              >
                <CategorySelect />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                name="workstationId"
                label={t('intake.workstation')}
                // A place is required: a workstation or an address; the hub checks too.
                dependencies={['address']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: string | null | undefined) =>
                      value || (getFieldValue('address') as string | undefined)?.trim()
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('place.intake.required'))),
                  }),
                ]}
              >
                <WorkstationSelect />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="address" label={t('intake.address')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={t('intake.addressPlaceholder')} data-testid="intake-address" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="source" label={t('intake.source')} rules={[required(t('intake.sourceRequired'))]}>
                <Select
                  data-testid="intake-source"
                  options={INTAKE_SOURCES.map((s) => ({ value: s, label: names.source(s) }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="reporterName" label={t('intake.reporterName')} rules={[{ max: 40 }]}>
                <Input maxLength={40} data-testid="intake-reporter-name" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="reporterPhone"
                label={t('intake.reporterPhone')}
                rules={[{ pattern: PHONE_PATTERN, message: t('intake.phoneRule') }]}
              >
                <Input maxLength={20} inputMode="tel" data-testid="intake-reporter-phone" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="urgency" label={t('intake.urgency')} extra={t('intake.urgencyHint')}>
                <UrgencyPicker />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="responseLevel"
                label={t('intake.responseLevel')}
                extra={
                  incident.linkTo ? (
                    <span data-testid="intake-incident-hint">
                      {t('incidents.intake.link', { name: incident.linkTo.name })}
                    </span>
                  ) : incident.drillOnly ? (
                    <span data-testid="intake-incident-hint">{t('incidents.intake.drill')}</span>
                  ) : undefined
                }
              >
                <Select
                  data-testid="intake-response-level"
                  options={RESPONSE_LEVELS.map((l) => ({ value: l, label: names.level(l) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('attachments.label')}>
            {prefill && <PrefilledAttachments items={prefill.attachments} />}
            <AttachmentUploader key={uploaderKey} testId="intake-attachments" onChange={onUploads} />
          </Form.Item>
          <Space align="center">
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending}
              disabled={uploads.busy}
              data-testid="intake-submit"
            >
              {t('intake.submit')}
            </Button>
            <Button data-testid="intake-clear" onClick={askClear}>
              {t('intake.clear')}
            </Button>
            <Typography.Text type="secondary">{t('intake.keysHint')}</Typography.Text>
          </Space>
          {create.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginTop: 12 }}
              data-testid="intake-error"
              title={errorText(create.error)}
            />
          )}
        </Form>
      </Col>
      <Col flex="0 1 380px">
        <DuplicateSuggestions probe={probe} />
      </Col>
    </Row>
  );
}
