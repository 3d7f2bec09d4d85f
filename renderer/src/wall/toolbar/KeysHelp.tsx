import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const KEYS = [
  'wall.keys.select',
  'wall.keys.arrows',
  'wall.keys.enter',
  'wall.keys.esc',
  'wall.keys.layouts',
  'wall.keys.clear',
  'wall.keys.drag',
  'wallLoss.keys.place',
  'wallLoss.keys.fullscreen',
] as const;

/** The wall's keyboard, one line per key. */
export function KeysHelp() {
  const { t } = useTranslation();
  return (
    <Popover
      title={t('wall.toolbar.keys')}
      content={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="wall-keys-help">
          {KEYS.map((k) => (
            <li key={k}>
              <Typography.Text>{t(k)}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    >
      <Button size="small" icon={<QuestionCircleOutlined />} aria-label={t('wall.toolbar.keys')} />
    </Popover>
  );
}
