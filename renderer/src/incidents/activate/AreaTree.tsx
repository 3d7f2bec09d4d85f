import { Input, Space, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../common/contract';
import { useOrderReference } from '../../orders/reference/useOrderReference';
import { collectIds, filterForest, unitMatches, type TreeNode } from '../../org/trees';
import { areaForest, coveredAreas, toggleArea } from './areas';

/**
 * Affected area picked on the org tree (center › grid › workstation). The value is the picked units
 * collapsed upward: ticking every workstation of a grid gives the grid.
 */
export function AreaTree({ value = [], onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const [query, setQuery] = useState('');
  const forest = useMemo(() => areaForest(ref.units), [ref.units]);
  const shown = useMemo(() => (query.trim() ? filterForest(forest, unitMatches(query)) : forest), [forest, query]);
  // What the tree shows ticked: each picked unit and everything under it.
  const checkedKeys = useMemo(() => [...coveredAreas(forest, value)], [forest, value]);

  const toData = (nodes: readonly TreeNode<OrgUnit>[]): TreeDataNode[] =>
    nodes.map(({ item, children }) => ({
      key: item.id,
      title: (
        <Space size={6} data-testid="incident-area-node" data-unit-id={item.id}>
          {item.name}
          {item.kind !== 'workstation' && (
            <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
              {t(`org.kind.${item.kind}`)}
            </Tag>
          )}
        </Space>
      ),
      children: toData(children),
    }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      <Input.Search
        allowClear
        size="small"
        placeholder={t('incidents.activate.areaSearch')}
        data-testid="incident-area-search"
        onChange={(e) => {
          setQuery(e.target.value);
        }}
      />
      <div style={{ maxHeight: 260, overflow: 'auto' }} data-testid="incident-area-tree">
        <Tree
          key={query.trim() ? 'search' : 'all'}
          checkable
          selectable={false}
          blockNode
          defaultExpandedKeys={query.trim() ? collectIds(shown) : forest.map((n) => n.item.id)}
          checkedKeys={checkedKeys}
          treeData={toData(shown)}
          onCheck={(_keys, info) => {
            onChange?.(toggleArea(forest, value, String(info.node.key), info.checked));
          }}
        />
      </div>
    </Space>
  );
}
