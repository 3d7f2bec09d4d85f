import { Button } from 'antd';
import type { ReactNode } from 'react';

/** A small icon button inside a menu row (edit, delete): its click is the button's, not the row's. */
export function RowButton({
  icon,
  label,
  danger = false,
  onClick,
}: {
  icon: ReactNode;
  label: string;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      size="small"
      type="text"
      {...(danger ? { danger: true } : {})}
      icon={icon}
      aria-label={label}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
    />
  );
}
