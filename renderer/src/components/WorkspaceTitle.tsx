import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Every workspace opens with this heading; tests and operators find the page by it. */
export function WorkspaceTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" gap={16} wrap style={{ marginBottom: 12 }}>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="workspace-title">
        {children}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
