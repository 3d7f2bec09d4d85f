import { Alert, Skeleton, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery, type ApiCallError } from '../../api';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { useErrorText } from '../../i18n/useDisplay';
import { CategoryTree } from './CategoryTree';
import { DepartmentsTable } from './DepartmentsTable';
import { UnitsTree } from './UnitsTree';

/** Reference data changes rarely; keep it for the session. */
const REFERENCE = { staleTime: 10 * 60_000 } as const;

function Loaded<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: ApiCallError | null };
  children: (data: T) => ReactNode;
}) {
  const errorText = useErrorText();
  if (query.error) return <Alert type="error" showIcon title={errorText(query.error)} />;
  if (query.data === undefined) return <Skeleton active />;
  return <>{children(query.data)}</>;
}

export function OrgWorkspace() {
  const { t } = useTranslation();
  const units = useApiQuery('org.units.list', {}, REFERENCE);
  const departments = useApiQuery('org.departments.list', {}, REFERENCE);
  const categories = useApiQuery('org.categories.list', {}, REFERENCE);
  return (
    <>
      <WorkspaceTitle>{t('org.title')}</WorkspaceTitle>
      <Tabs
        data-testid="org-tabs"
        items={[
          {
            key: 'units',
            label: <span data-testid="org-tab-units">{t('org.tabs.units')}</span>,
            children: <Loaded query={units}>{(data) => <UnitsTree units={data} />}</Loaded>,
          },
          {
            key: 'departments',
            label: <span data-testid="org-tab-departments">{t('org.tabs.departments')}</span>,
            children: <Loaded query={departments}>{(data) => <DepartmentsTable departments={data} />}</Loaded>,
          },
          {
            key: 'categories',
            label: <span data-testid="org-tab-categories">{t('org.tabs.categories')}</span>,
            children: <Loaded query={categories}>{(data) => <CategoryTree categories={data} />}</Loaded>,
          },
        ]}
      />
    </>
  );
}
