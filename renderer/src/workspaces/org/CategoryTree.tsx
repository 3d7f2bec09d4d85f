import { Empty, Flex, Input, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../common/contract';
import { useLanguage } from '../../stores/language';
import { Highlight } from './Highlight';
import { buildForest, categoryMatches, collectIds, filterForest, type TreeNode } from '../../org/trees';

export function CategoryTree({ categories }: { categories: readonly Category[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [input, setInput] = useState('');
  const query = useDeferredValue(input).trim();
  const forest = useMemo(() => buildForest(categories), [categories]);
  const shown = useMemo(() => (query ? filterForest(forest, categoryMatches(query)) : forest), [forest, query]);

  const toData = (nodes: TreeNode<Category>[]): TreeDataNode[] =>
    nodes.map(({ item, children }) => ({
      key: item.id,
      title: (
        <Space size={8} data-testid="category-node" data-code={item.id}>
          <Typography.Text code>{item.id}</Typography.Text>
          <Highlight text={item.name} query={query} />
          {language === 'en' && item.nameEn && (
            <Typography.Text type="secondary">
              <Highlight text={item.nameEn} query={query} />
            </Typography.Text>
          )}
          {item.level === 1 && <Tag color="blue">{t('org.categories.level.l1')}</Tag>}
          {item.note && <Typography.Text type="secondary">{item.note}</Typography.Text>}
        </Space>
      ),
      children: toData(children),
    }));

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t('org.categories.count', {
          domains: categories.filter((c) => c.level === 1).length,
          total: categories.length,
        })}
      </Typography.Text>
      <Input.Search
        allowClear
        placeholder={t('org.categories.search')}
        style={{ maxWidth: 360 }}
        data-testid="category-search"
        value={input}
        onChange={(e) => {
          setInput(e.target.value);
        }}
      />
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.categories.noMatch')} />
      ) : (
        <Tree
          // Remount on search so the matches open; browsing starts with the five domains open.
          key={query ? `q:${query}` : 'all'}
          data-testid="category-tree"
          blockNode
          selectable={false}
          defaultExpandedKeys={query ? collectIds(shown) : shown.map((n) => n.item.id)}
          treeData={toData(shown)}
        />
      )}
    </Flex>
  );
}
