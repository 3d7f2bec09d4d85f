import { Col, Form, Input, Row, Select, type InputRef } from 'antd';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_LEVELS } from '../../../../common/domain/orders/states';
import { useOrderNames } from '../display/useOrderNames';
import { CategorySelect } from './CategorySelect';
import { INTAKE_SOURCES, PHONE_PATTERN } from './defaults';
import { required } from './fields';
import type { IncidentIntake } from './useIncidentIntake';
import { UrgencyPicker } from './UrgencyPicker';
import { WorkstationSelect } from './WorkstationSelect';

/** What happened: the title (where the form starts) and the description. */
export function IntakeSubjectFields({ titleRef }: { titleRef: RefObject<InputRef | null> }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** The category and the place: a workstation or an address. */
export function IntakePlaceFields() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="categoryId" label={t('intake.category')} rules={[required(t('intake.categoryRequired'))]}>
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
    </>
  );
}

/** Where the report came from and who made it. */
export function IntakeReporterFields() {
  const { t } = useTranslation();
  const names = useOrderNames();
  return (
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
  );
}

/** Urgency and response level; the hint says what a running incident (or drill) changes. */
export function IntakeLevelFields({ incident }: { incident: IncidentIntake }) {
  const { t } = useTranslation();
  const names = useOrderNames();
  return (
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
  );
}
