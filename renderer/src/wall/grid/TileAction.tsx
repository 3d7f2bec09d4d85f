import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** One button of a tile's bar: its click and double-click stay on the button (not the tile's). */
export function TileAction({
  title,
  icon,
  onClick,
  testId,
}: {
  title: string;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Tooltip title={title}>
      <Button
        size="small"
        type="text"
        icon={icon}
        aria-label={title}
        data-testid={testId}
        onClick={(e) => {
          e.stopPropagation();
          onClick();
        }}
        onDoubleClick={(e) => {
          e.stopPropagation();
        }}
      />
    </Tooltip>
  );
}
