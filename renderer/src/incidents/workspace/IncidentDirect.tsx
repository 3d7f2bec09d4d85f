import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../stores/route';
import { IncidentPage } from '../page/IncidentPage';
import { INCIDENTS_PATH } from '../route';

/** One incident opened by its address (`#/incidents/<id>`), with the way back to the workspace's tabs. */
export function IncidentDirect({ id }: { id: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} align="stretch">
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          data-testid="incident-back"
          onClick={() => {
            navigate(INCIDENTS_PATH);
          }}
        >
          {t('incidents.back')}
        </Button>
      </div>
      <IncidentPage key={id} id={id} />
    </Flex>
  );
}
