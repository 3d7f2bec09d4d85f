import { Alert, Col, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useErrorText } from '../../i18n/useDisplay';
import { PlanEditor } from './PlanEditor';
import { PlanList } from './PlanList';
import { usePlanEditing } from './usePlanEditing';

/**
 * 应急预案, for administrators: per incident type and response level the checklist,
 * whom to notify (通讯录), report deadlines and the preset wall view. A save applies from the next
 * activation or level change; running incidents keep what their level took (the hub keeps it).
 */
export function IncidentPlansWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { plans, list, known, shared, current, dirty, errors, save, level, setLevel, open, change, submit, discard } =
    usePlanEditing();

  return (
    <>
      <WorkspaceTitle>{t('incidentPlans.title')}</WorkspaceTitle>
      <Typography.Paragraph type="secondary">{t('incidentPlans.intro')}</Typography.Paragraph>
      {plans.error && <Alert type="error" showIcon title={errorText(plans.error)} />}
      {plans.isPending && <Spin />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={5}>
          <PlanList list={list} current={current} onOpen={open} />
        </Col>
        <Col xs={24} lg={17} xxl={19}>
          {current && (
            <PlanEditor
              draft={current.draft}
              errors={errors}
              dirty={dirty}
              known={known}
              saveError={save.error}
              views={shared}
              level={level}
              onLevel={setLevel}
              saving={save.isPending}
              onChange={change}
              onSave={submit}
              onDiscard={discard}
            />
          )}
        </Col>
      </Row>
    </>
  );
}
