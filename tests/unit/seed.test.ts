import { describe, expect, it } from 'vitest';
import { ROLES } from '../../common/domain/roles';
import { openDatabase } from '../../main/db/connection';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/test-env';

function seeded() {
  const db = openDatabase(tempDir());
  seedReferenceData(db);
  return { db, org: new OrgRepo(db) };
}

describe('seed data', () => {
  it('holds the 1 + 2 + 36 organisation', () => {
    const { db, org } = seeded();
    const units = org.units();
    const byKind = (k: string) => units.filter((u) => u.kind === k);
    expect(byKind('center')).toHaveLength(1);
    expect(byKind('station').map((s) => s.name)).toEqual(['第一联勤站', '第二联勤站']);
    const grids = byKind('grid');
    expect(grids.map((g) => g.name).sort()).toEqual(['合庆责任网格', '蔡路责任网格'].sort());
    const ws = byKind('workstation');
    expect(ws).toHaveLength(36);
    for (const g of grids) expect(ws.filter((w) => w.parentId === g.id)).toHaveLength(18);
    const cailu = grids.find((g) => g.name === '蔡路责任网格');
    expect(ws.filter((w) => w.parentId === cailu?.id).map((w) => w.name)).toContain('海塘村');
    expect(grids.find((g) => g.name === '合庆责任网格')?.stationId).toBe(byKind('station')[0]?.id);
    expect(ws.find((w) => w.name === '益华居委')?.subtype).toBe('residential');
    expect(ws.find((w) => w.name === '向东村')?.subtype).toBe('village');
    db.close();
  });

  it('holds the five problem domains with the seed’s sub-categories', () => {
    const { db, org } = seeded();
    const cats = org.categories();
    const domains = cats.filter((c) => c.level === 1);
    expect(domains.map((d) => d.name)).toEqual(['城市环境', '设施管理', '物业管理', '交通安全', '公共安全']);
    const under = (name: string) => {
      const parent = cats.find((c) => c.name === name);
      return cats.filter((c) => c.parentId === parent?.id).map((c) => c.name);
    };
    expect(under('城市环境')).toEqual(
      expect.arrayContaining(['招牌破损', '跨门营业', '暴露垃圾', '乱发小广告', '新违章建筑']),
    );
    expect(cats.filter((c) => c.name === '井盖')).toHaveLength(1);
    expect(under('交通安全')).toContain('车辆乱停放');
    expect(under('公共安全')).toEqual(expect.arrayContaining(['无证餐饮', '非法行医', '消防安全隐患']));
    for (const d of domains) expect(under(d.name).length).toBeGreaterThanOrEqual(4);
    for (const c of cats.filter((x) => x.level > 1)) expect(c.id.startsWith(c.parentId ?? '?')).toBe(true);
    db.close();
  });

  it('holds the departments and the seven roles, and re-seeding keeps edits', () => {
    const { db, org } = seeded();
    expect(org.departments().map((d) => d.name)).toEqual(
      expect.arrayContaining(['公安', '交警', '城管执法', '市场监管']),
    );
    expect(org.roles().map((r) => r.code)).toEqual([...ROLES]);
    db.prepare("UPDATE org_units SET name = '第一联勤联动工作站' WHERE id = 'HQ-S1'").run();
    seedReferenceData(db);
    expect(org.unit('HQ-S1')?.name).toBe('第一联勤联动工作站');
    expect(org.units()).toHaveLength(41);
    db.close();
  });
});
