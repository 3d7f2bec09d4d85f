import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../stores/route';
import type { Workspace } from './workspaces';

export function Nav({ workspaces, current }: { workspaces: readonly Workspace[]; current: Workspace | undefined }) {
  const { t } = useTranslation();
  return (
    <Menu
      mode="inline"
      data-testid="nav"
      selectedKeys={current ? [current.path] : []}
      onClick={({ key }) => {
        navigate(key);
      }}
      items={workspaces.map((w) => ({
        key: w.path,
        icon: w.icon,
        label: w.Badge ? (
          <span>
            {w.label(t)} <w.Badge />
          </span>
        ) : (
          w.label(t)
        ),
        'data-testid': w.testId,
      }))}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
