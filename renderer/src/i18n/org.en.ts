import type { orgMessagesZh } from './org.zh';

/** The organisation workspace (组织与分类) — English; spread into en.ts. */
export const orgMessagesEn: typeof orgMessagesZh = {
  org: {
    title: 'Organisation & categories',
    tabs: {
      units: 'Organisation',
      departments: 'Departments',
      categories: 'Problem categories',
    },
    kind: {
      center: 'Center',
      station: 'Joint-duty station',
      grid: 'Responsibility grid',
      workstation: 'Village workstation',
    },
    subtype: {
      village: 'Village',
      residential: 'Residential',
    },
    servedBy: 'Served by {{name}}',
    summary:
      '{{center}} center · {{station}} stations · {{grid}} grids · {{workstation}} village/residential workstations',
    unitSearch: 'Find a village or grid, e.g. 海塘',
    departments: {
      name: 'Department',
      kind: 'Kind',
      code: 'Code',
    },
    departmentKind: {
      enforcement: 'Enforcement',
      police: 'Police',
      regulator: 'Regulator',
      utility: 'Utility',
      management: 'Management',
      other: 'Other',
    },
    categories: {
      search: 'Search by name or code, e.g. 井盖',
      noMatch: 'No matching category',
      count: '{{domains}} domains · {{total}} categories',
      level: {
        l1: 'Domain',
      },
    },
  },
};
