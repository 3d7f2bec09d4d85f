import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { useUser } from '../../../stores/session';
import { inShanghai } from '../../../time/dayjs';
import { HolidayCalendar } from './HolidayCalendar';
import { TimeLimitsTable } from './TimeLimitsTable';

/** 时限与日历: limits per category × urgency (admin, duty chief) and the holiday calendar (admin edits). */
export function SlaWorkspace() {
  const { t } = useTranslation();
  const user = useUser();
  const isAdmin = user.roles.includes('admin');
  return (
    <>
      <WorkspaceTitle>{t('sla.title')}</WorkspaceTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={14}>
          <Card size="small" title={t('sla.limitsTitle')}>
            <TimeLimitsTable />
          </Card>
        </Col>
        <Col xs={24} xxl={10}>
          <Card size="small" title={t('sla.calendarTitle')}>
            <HolidayCalendar canEdit={isAdmin} initialYear={inShanghai().year()} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
