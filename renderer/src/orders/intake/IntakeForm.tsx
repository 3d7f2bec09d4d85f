import { Col, Form, Row, type InputRef } from 'antd';
import { useRef, type ReactNode } from 'react';
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
  const titleRef = useRef<InputRef>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const intake = useIntakeForm(onCreated, prefill, titleRef, hostRef);
  const { form, create } = intake;
  const probe = useDuplicateProbe(form);
  return (
    <Row gutter={24} ref={hostRef}>
      <Col flex="1 1 560px" style={{ maxWidth: 820 }}>
        {banner}
        <Form<IntakeFields>
          form={form}
          layout="vertical"
          data-testid="intake-form"
          initialValues={intake.initialValues}
          onFinish={intake.submit}
          disabled={create.isPending}
          requiredMark
        >
          <IntakeSubjectFields titleRef={titleRef} />
          <IntakePlaceFields />
          <IntakeReporterFields />
          <IntakeLevelFields incident={intake.incident} />
          <Form.Item label={t('attachments.label')}>
            {prefill && <PrefilledAttachments items={prefill.attachments} />}
            <AttachmentUploader key={intake.uploaderKey} testId="intake-attachments" onChange={intake.onUploads} />
          </Form.Item>
          <IntakeActions
            pending={create.isPending}
            uploading={intake.uploads.busy}
            error={create.error}
            onClear={intake.askClear}
          />
        </Form>
      </Col>
      <Col flex="0 1 380px">
        <DuplicateSuggestions probe={probe} />
      </Col>
    </Row>
  );
}
