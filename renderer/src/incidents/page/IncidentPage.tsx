import { Alert, Col, Flex, Row, Spin } from 'antd';
import { INCIDENT_ACTORS, INCIDENT_COMMANDERS } from '../../../../common/contract';
import { useErrorText } from '../../i18n/useDisplay';
import { hasAnyRole, ORDER_OPERATORS } from '../../orders/roles';
import { useUser } from '../../stores/session';
import { useIncident } from '../data';
import { INCIDENT_SECTIONS } from './extensions';
import { ChecklistCard } from './ChecklistCard';
import { IncidentHeader } from './IncidentHeader';
import { OrdersCard } from './OrdersCard';
import { ReportsCard } from './ReportsCard';
import { TimelineCard } from './TimelineCard';

/**
 * One incident, active or past: the header with the commander's actions, the checklist and the
 * report deadlines beside the live timeline, the linked orders, and the sections other parts of
 * incident mode add (extensions.ts). Closed incidents are read-only.
 */
export function IncidentPage({ id }: { id: number }) {
  const user = useUser();
  const errorText = useErrorText();
  const query = useIncident(id);
  if (query.error) return <Alert type="error" showIcon title={errorText(query.error)} data-testid="incident-error" />;
  const detail = query.data;
  if (!detail) return <Spin />;
  const active = detail.incident.closedAt === null;
  const canAct = active && hasAnyRole(user.roles, INCIDENT_ACTORS);
  return (
    <Flex vertical gap={12} data-testid="incident-page" data-incident-id={id}>
      <IncidentHeader detail={detail} canCommand={hasAnyRole(user.roles, INCIDENT_COMMANDERS)} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={12}>
            <ChecklistCard detail={detail} canTick={canAct} />
            <ReportsCard detail={detail} canRecord={canAct} />
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <TimelineCard detail={detail} canNote={canAct} />
        </Col>
      </Row>
      {INCIDENT_SECTIONS.map(({ key, Component }) => (
        <Component key={key} detail={detail} active={active} />
      ))}
      <OrdersCard detail={detail} canOpen={hasAnyRole(user.roles, ORDER_OPERATORS)} />
    </Flex>
  );
}
