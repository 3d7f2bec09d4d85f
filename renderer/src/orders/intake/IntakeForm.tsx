import { Col, Form, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { AttachmentUploader } from '../attachments/AttachmentUploader';
import { DuplicateSuggestions } from './DuplicateSuggestions';
import type { IntakeFields } from './fields';
import { IntakeActions } from './IntakeActions';
import { IntakeLevelFields, IntakePlaceFields, IntakeReporterFields, IntakeSubjectFields } from './IntakeFieldGroups';
import type { IntakePrefill } from './prefill';
import { PrefilledAttachments } from './PrefilledAttachments';
import { useDuplicateProbe } from './useDuplicateProbe';
import { useIntakeForm } from './useIntakeForm';

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
  const {
    form,
    titleRef,
    hostRef,
    incident,
    initialValues,
    uploads,
    uploaderKey,
    onUploads,
    create,
    submit,
    askClear,
  } = useIntakeForm(onCreated, prefill);
  const probe = useDuplicateProbe(form);
  return (
    <Row gutter={24} ref={hostRef}>
      <Col flex="1 1 560px" style={{ maxWidth: 820 }}>
        {banner}
        <Form<IntakeFields>
          form={form}
          layout="vertical"
          data-testid="intake-form"
          initialValues={initialValues}
          onFinish={submit}
          disabled={create.isPending}
          requiredMark
        >
          <IntakeSubjectFields titleRef={titleRef} />
          <IntakePlaceFields />
          <IntakeReporterFields />
          <IntakeLevelFields incident={incident} />
          <Form.Item label={t('attachments.label')}>
            {prefill && <PrefilledAttachments items={prefill.attachments} />}
            <AttachmentUploader key={uploaderKey} testId="intake-attachments" onChange={onUploads} />
          </Form.Item>
          <IntakeActions pending={create.isPending} uploading={uploads.busy} error={create.error} onClear={askClear} />
        </Form>
      </Col>
      <Col flex="0 1 380px">
        <DuplicateSuggestions probe={probe} />
      </Col>
    </Row>
  );
}
