import { Radio, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { WALL_LAYOUT_NAMES } from '../../../../common/domain/wall/layouts';
import { useBilingual } from '../../i18n/useDisplay';
import { LAYOUT_IDS, layoutHotkey, type LayoutId } from '../layouts';
import { setLayout, useWallStore } from '../store';

/** The nine layouts as buttons named by their tile count; the tooltip names the Alt hotkey. */
export function LayoutPicker({ onPick }: { onPick?: (layout: LayoutId) => void }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const current = useWallStore((s) => s.layoutId);
  return (
    <Radio.Group
      size="small"
      optionType="button"
      value={current}
      aria-label={t('wall.toolbar.layout')}
      data-testid="wall-layouts"
      onChange={(e) => {
        const id = e.target.value as LayoutId;
        setLayout(id);
        onPick?.(id);
      }}
    >
      {LAYOUT_IDS.map((id) => (
        <Tooltip
          key={id}
          title={t('wall.toolbar.layoutHotkey', { name: pick(WALL_LAYOUT_NAMES[id]), key: layoutHotkey(id) })}
        >
          <Radio.Button value={id}>
            {/* On the label: antd puts the button's own attributes on its hidden input. */}
            <span data-testid={`wall-layout-${id}`}>{id}</span>
          </Radio.Button>
        </Tooltip>
      ))}
    </Radio.Group>
  );
}
