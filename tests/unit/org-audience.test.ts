import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { unitAndCenter, withCenter } from '../../main/services/org/audience';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/test-env';

/** An org with the given centers (the seed has one; the rule must not assume it). */
const org = (...centers: string[]) => ({ centerIds: () => [...centers] });

describe('this unit plus the center', () => {
  it('lists the center first, then the given units, each once, skipping missing ones', () => {
    expect(withCenter(org('C'), ['S1', null, undefined, 'S2', 'S1'])).toEqual(['C', 'S1', 'S2']);
    expect(withCenter(org('C'), ['C'])).toEqual(['C']);
    expect(withCenter(org('C1', 'C2'), ['S1'])).toEqual(['C1', 'C2', 'S1']);
    expect(withCenter(org(), [null])).toEqual([]);
  });

  it('is the audience of a unit, with roles only when asked', () => {
    expect(unitAndCenter(org('C'), 'S1')).toEqual({ orgUnitIds: ['S1', 'C'] });
    expect(unitAndCenter(org('C'), 'C')).toEqual({ orgUnitIds: ['C'] });
    expect(unitAndCenter(org('C'), [null], ['duty_chief'])).toEqual({ orgUnitIds: ['C'], roles: ['duty_chief'] });
    expect(unitAndCenter(org('C'), ['S1', 'S2'], ['station_chief'])).toEqual({
      orgUnitIds: ['S1', 'S2', 'C'],
      roles: ['station_chief'],
    });
  });

  it('reads the centers of the seeded organisation', () => {
    const db = openDatabase(tempDir());
    seedReferenceData(db);
    const repo = new OrgRepo(db);
    const [center] = repo.centerIds();
    expect(center).toBeDefined();
    expect(unitAndCenter(repo, 'HQ-S1')).toEqual({ orgUnitIds: ['HQ-S1', center] });
    expect(unitAndCenter(repo, ['HQ-S1', null, 'HQ-S1'])).toEqual({ orgUnitIds: ['HQ-S1', center] });
    db.close();
  });
});
