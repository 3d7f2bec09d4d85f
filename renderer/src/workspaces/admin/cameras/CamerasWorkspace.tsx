import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { CameraRegistryTab } from './CameraRegistryTab';
import { CameraViewsTab } from './CameraViewsTab';

/** 摄像机管理: the registry the video wall reads and who watched what (item 10). */
export function CamerasWorkspace() {
  const { t } = useTranslation();
  return (
    <>
      <WorkspaceTitle>{t('cameras.title')}</WorkspaceTitle>
      <Tabs
        destroyOnHidden
        data-testid="camera-tabs"
        items={[
          { key: 'registry', label: t('cameras.tabs.registry'), children: <CameraRegistryTab /> },
          {
            key: 'views',
            label: <span data-testid="camera-tab-views">{t('cameras.tabs.views')}</span>,
            children: <CameraViewsTab />,
          },
        ]}
      />
    </>
  );
}
