import {
  PauseCircleOutlined,
  PlayCircleOutlined,
  StepBackwardOutlined,
  StepForwardOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { tourStepCount } from '../../../../common/domain/wall/tours';
import { LAYOUTS } from '../layouts';
import { useWallStore } from '../store';
import { setTourPaused, stepTour, stopTour, useTourStore } from './tourStore';

/** The running tour: its name and step, and the buttons to pause, resume, step and stop it. */
export function TourBar() {
  const { t } = useTranslation();
  const run = useTourStore((s) => s.run);
  const layoutId = useWallStore((s) => s.layoutId);
  if (!run) return null;
  const tiles = run.tour.mode === 'wall' ? LAYOUTS[run.tour.layout ?? layoutId].slots.length : 1;
  const total = tourStepCount(run.tour, tiles);
  const step = total === 0 ? 0 : (((run.step % total) + total) % total) + 1;
  const icon = (title: string, node: React.ReactNode, onClick: () => void, testId: string) => (
    <Tooltip title={title}>
      <Button size="small" icon={node} aria-label={title} data-testid={testId} onClick={onClick} />
    </Tooltip>
  );
  return (
    <Space
      size={6}
      data-testid="wall-tour-bar"
      data-tour-id={run.tourId}
      data-step={step}
      data-paused={run.paused}
      style={{ padding: '2px 8px', border: '1px solid #1f3150', borderRadius: 4 }}
    >
      <Typography.Text strong>{t('wall.tours.running', { name: run.tour.name })}</Typography.Text>
      <Typography.Text type="secondary">{t('wall.tours.step', { step, total })}</Typography.Text>
      {run.slot !== null && <Tag>{t('wall.push.slotN', { n: run.slot + 1 })}</Tag>}
      {run.paused && <Tag color="warning">{t('wall.tours.paused')}</Tag>}
      {icon(t('wall.tours.previous'), <StepBackwardOutlined />, () => stepTour(-1), 'wall-tour-previous')}
      {run.paused
        ? icon(t('wall.tours.resume'), <PlayCircleOutlined />, () => setTourPaused(false), 'wall-tour-resume')
        : icon(t('wall.tours.pause'), <PauseCircleOutlined />, () => setTourPaused(true), 'wall-tour-pause')}
      {icon(t('wall.tours.next'), <StepForwardOutlined />, () => stepTour(1), 'wall-tour-next')}
      {icon(t('wall.tours.stop'), <StopOutlined />, stopTour, 'wall-tour-stop')}
    </Space>
  );
}
