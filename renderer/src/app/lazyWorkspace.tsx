import { Button, Flex, Result, Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from './workspaces';

/**
 * Shown instead of a workspace whose chunk did not load: after an upgrade of the hub, a console
 * opened before it asks for chunk names that no longer exist; a reload fetches the new ones.
 */
function ChunkFailed() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('app.chunkFailed')}
      data-testid="workspace-load-failed"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
}

/**
 * A workspace loaded from its own chunk the first time it is shown: `load` imports its module,
 * `name` is the component's export. The bundler splits at each such import().
 */
export function lazyWorkspace<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    try {
      return { default: (await load())[name] };
    } catch {
      return { default: ChunkFailed };
    }
  });
}

/** What the workspace area shows while a workspace's chunk loads: a spinner, nothing else. */
function WorkspaceLoading() {
  return (
    <Flex align="center" justify="center" style={{ height: '100%' }} data-testid="workspace-loading">
      <Spin />
    </Flex>
  );
}

/** A workspace in the workspace area; only that area waits for its chunk, the frame stays. */
export function WorkspaceView({ workspace }: { workspace: Workspace }) {
  return (
    <Suspense fallback={<WorkspaceLoading />}>
      <workspace.Component />
    </Suspense>
  );
}
