import { SearchOutlined } from '@ant-design/icons';
import { Badge, Empty, Flex, Input, Spin, Tree, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type Key, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../common/contract';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import { useElementHeight } from '../../components/useElementHeight';
import { startCameraDrag } from '../dnd';
import { LAYOUTS } from '../layouts';
import { placeAnywhere, place, useWallStore } from '../store';
import { endTileNumber, TILE_NUMBER_PAUSE_MS, typeTileDigit } from './tileNumber';
import { CAMERA_KEY_PREFIX, groupKeys, toTreeData, type TreeLabels } from './treeData';

const DOT = { online: 'success', offline: 'error', unknown: 'default' } as const;

/**
 * The camera tree beside the wall: grid → station area → workstation → cameras with online dots.
 * Drag a camera onto a tile, or double-click it to put it in the selected tile. By keyboard: the arrow
 * keys move through the tree, Enter puts the camera in the selected tile, and a
 * tile number (1–9, 0; two digits on larger walls) puts it in that tile.
 */
export function CameraTree() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const text = useDebounced(query.trim(), 200);
  const tree = useApiQuery(
    'cameras.tree',
    { filter: text ? { text } : {}, includeEmpty: false },
    { placeholderData: (previous) => previous },
  );
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [boxRef, height] = useElementHeight();
  const onWall = useWallStore((s) => s.cells);

  const labels = useMemo<TreeLabels>(
    () => ({
      group: (kind, name, online, total) => (
        <span data-testid={`wall-tree-${kind}`}>
          {name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {online}/{total}
          </Typography.Text>
        </span>
      ),
      camera: (c: Camera) => (
        <span
          draggable={c.enabled}
          onDragStart={(e) => {
            startCameraDrag(e, c.id);
          }}
          data-testid="wall-tree-camera"
          data-camera-id={c.id}
          data-online={c.online}
          title={t('wall.tree.cameraHint')}
          style={{ cursor: c.enabled ? 'grab' : 'not-allowed', opacity: c.enabled ? 1 : 0.5 }}
        >
          <Badge status={DOT[c.online]} title={t(`wall.online.${c.online}`)} /> {c.name}
        </span>
      ),
      noStation: t('wall.tree.noStation'),
      unplaced: t('wall.tree.unplaced'),
    }),
    [t],
  );
  const data = useMemo(() => (tree.data ? toTreeData(tree.data, labels) : []), [tree.data, labels]);
  const expanded = useMemo(() => groupKeys(data).filter((k) => !collapsed.has(k)), [data, collapsed]);
  const cameraIds = useMemo(() => new Set(onWall.filter((c) => c !== null)), [onWall]);

  // The camera the keyboard is on (rc-tree's active node), and a first digit waiting for a second.
  const [active, setActive] = useState<string | null>(null);
  const pending = useRef<{ digits: string; cameraId: string; timer: number } | null>(null);
  useEffect(
    () => () => {
      if (pending.current) window.clearTimeout(pending.current.timer);
    },
    [],
  );
  const activeCamera = active?.startsWith(CAMERA_KEY_PREFIX) ? active.slice(CAMERA_KEY_PREFIX.length) : null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' && active) {
      e.preventDefault();
      put(active);
      return;
    }
    const m = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
    if (!m?.[1] || !activeCamera) return;
    e.preventDefault();
    const tiles = LAYOUTS[useWallStore.getState().layoutId].slots.length;
    const before = pending.current;
    if (before) window.clearTimeout(before.timer);
    pending.current = null;
    const step = typeTileDigit(before?.cameraId === activeCamera ? before.digits : '', Number(m[1]), tiles);
    if (step.tile !== null) place(step.tile - 1, activeCamera);
    if (step.pending === '') return;
    const cameraId = activeCamera;
    const timer = window.setTimeout(() => {
      pending.current = null;
      const tile = endTileNumber(step.pending, tiles);
      if (tile !== null) place(tile - 1, cameraId);
    }, TILE_NUMBER_PAUSE_MS);
    pending.current = { digits: step.pending, cameraId, timer };
  };

  const put = (key: string) => {
    if (!key.startsWith(CAMERA_KEY_PREFIX)) return;
    const id = key.slice(CAMERA_KEY_PREFIX.length);
    const { cells, selected } = useWallStore.getState();
    // The selected tile, unless it already shows a camera and an empty one is free.
    if (cells[selected] === null) place(selected, id);
    else placeAnywhere(id);
  };

  return (
    <Flex
      vertical
      gap={8}
      style={{ height: '100%', minHeight: 0 }}
      data-testid="wall-tree"
      data-active-camera={activeCamera ?? ''}
    >
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('wall.tree.search')}
        data-testid="wall-tree-search"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCollapsed(new Set());
        }}
      />
      {tree.data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="wall-tree-counts">
          {t('wall.tree.counts', { online: tree.data.counts.online, total: tree.data.counts.total })}
        </Typography.Text>
      )}
      <div ref={boxRef} style={{ flex: 1, minHeight: 0 }}>
        {tree.isPending ? (
          <Spin />
        ) : data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wall.tree.empty')} />
        ) : (
          <Tree
            blockNode
            height={Math.max(height, 100)}
            treeData={data}
            expandedKeys={expanded}
            selectedKeys={[...cameraIds].map((id) => `${CAMERA_KEY_PREFIX}${id}`)}
            multiple
            activeKey={active}
            // Typed as a key, but rc-tree passes null when the active node leaves the tree.
            onActiveChange={(key: Key | null) => {
              setActive(key === null ? null : String(key));
            }}
            onKeyDown={onKeyDown}
            onExpand={(_keys, { node, expanded: open }) => {
              setCollapsed((set) => {
                const next = new Set(set);
                if (open) next.delete(String(node.key));
                else next.add(String(node.key));
                return next;
              });
            }}
            onSelect={() => undefined}
            onDoubleClick={(_e, node) => {
              put(String(node.key));
            }}
          />
        )}
      </div>
    </Flex>
  );
}
