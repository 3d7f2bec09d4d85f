import { Empty, Flex, Input, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../common/contract';
import { ORG_UNIT_KINDS } from '../../../../common/domain/org';
import { Highlight } from './Highlight';
import { buildForest, collectIds, filterForest, unitMatches, type TreeNode } from '../../org/trees';

const KIND_COLORS: Record<OrgUnit['kind'], string> = {
  center: 'geekblue',
  station: 'cyan',
  grid: 'purple',
  workstation: 'default',
};

export function UnitsTree({ units }: { units: readonly OrgUnit[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const forest = useMemo(() => buildForest(units), [units]);
  const shown = useMemo(() => (query.trim() ? filterForest(forest, unitMatches(query)) : forest), [forest, query]);
  const counts = useMemo(
    () => Object.fromEntries(ORG_UNIT_KINDS.map((k) => [k, units.filter((u) => u.kind === k).length])),
    [units],
  );

  const toData = (nodes: TreeNode<OrgUnit>[]): TreeDataNode[] =>
    nodes.map(({ item, children }) => {
      const station = item.stationId ? byId.get(item.stationId) : undefined;
      return {
        key: item.id,
        title: (
          <Space size={6} data-testid="org-unit" data-unit-id={item.id} data-kind={item.kind}>
            <Highlight text={item.name} query={query} />
            {item.kind !== 'workstation' && (
              <Tag color={KIND_COLORS[item.kind]} variant="outlined">
                {t(`org.kind.${item.kind}`)}
              </Tag>
            )}
            {item.subtype && <Tag variant="filled">{t(`org.subtype.${item.subtype}`)}</Tag>}
            {station && (
              <Typography.Text type="secondary" data-testid="org-served-by">
                {t('org.servedBy', { name: station.name })}
              </Typography.Text>
            )}
          </Space>
        ),
        children: toData(children),
      };
    });

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary" data-testid="org-summary">
        {t('org.summary', counts)}
      </Typography.Text>
      <Input.Search
        allowClear
        placeholder={t('org.unitSearch')}
        style={{ maxWidth: 360 }}
        data-testid="org-unit-search"
        onChange={(e) => {
          setQuery(e.target.value);
        }}
      />
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tree
          key={query.trim() ? 'search' : 'all'}
          data-testid="org-unit-tree"
          blockNode
          selectable={false}
          defaultExpandedKeys={collectIds(shown)}
          treeData={toData(shown)}
        />
      )}
    </Flex>
  );
}
