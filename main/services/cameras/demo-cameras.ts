import { validateCamera, workstationResolver } from '../../../common/domain/cameras';
import type { Db } from '../../db/connection';
import { OrgRepo } from '../org/org-repo';
import { applyPlan, planWrite } from './camera-plan';
import { CamerasRepo, generatedId } from './cameras-repo';

/** A demo stream served by main/media. */
export interface DemoCamera {
  key: string;
  name: string;
  mainUrl: string;
  subUrl: string;
  /** Where the clip was filmed; when absent or unknown, spread over the workstations. */
  workstationId?: string;
}

const DEMO_TAG = '演示';
const SEEDED_KEY = 'demo_cameras_seeded';

/** GB/T 28181 ids: Pudong 310115 · unit 00 · industry 00 · IP camera 132 · government network 6 · serial. */
const DEMO_CODE_PREFIX = '31011500001326';

function demoCode(n: number): string {
  return `${DEMO_CODE_PREFIX}${String(n).padStart(6, '0')}`;
}

/**
 * Puts the demo cameras on the map at their own workstation (or, without one, spread evenly over the
 * workstations in org-chart order, so both grids get some). The first run creates them as CAM-0001… in the order given — the list's order is
 * their identity. Later runs only refresh the stream URLs (the demo server's port may differ) of the
 * demo cameras still tagged 演示, and never bring back one an administrator deleted.
 */
export function seedDemoCameras(
  db: Db,
  cameras: readonly DemoCamera[],
  now: number,
  secretKey: Buffer,
): { created: number; updated: number } {
  const repo = new CamerasRepo(db, secretKey);
  const workstations = new OrgRepo(db).units().filter((u) => u.kind === 'workstation');
  const resolve = workstationResolver(workstations, { byName: false });
  const seeded = db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SEEDED_KEY) !== undefined;
  let created = 0;
  let updated = 0;
  db.transaction(() => {
    cameras.forEach((cam, i) => {
      const id = generatedId(i + 1);
      const existing = repo.byId(id);
      if (seeded && (!existing || !existing.tags.includes(DEMO_TAG))) return;
      if (existing && existing.mainUrl === cam.mainUrl && existing.subUrl === cam.subUrl) return;
      const workstation =
        workstations.find((w) => w.id === cam.workstationId) ??
        workstations[Math.floor((i * workstations.length) / cameras.length)];
      const checked = validateCamera(
        existing
          ? { ...existing, workstation: existing.workstationId, mainUrl: cam.mainUrl, subUrl: cam.subUrl }
          : {
              id,
              name: cam.name,
              code: demoCode(i + 1),
              workstation: workstation?.id ?? '',
              mainUrl: cam.mainUrl,
              subUrl: cam.subUrl,
              protocol: 'hls',
              tags: [DEMO_TAG],
            },
        resolve,
      );
      if (!checked.ok) {
        const why = checked.errors.map((e) => `${e.field}: ${e.en}`).join('; ');
        throw new Error(`demo camera ${cam.key} is not valid: ${why}`);
      }
      const planned = planWrite(repo, checked.draft, id, existing);
      if (!planned.ok) throw new Error(`demo camera ${cam.key}: ${planned.errors.map((e) => e.en).join('; ')}`);
      applyPlan(repo, planned.plan, now);
      if (existing) updated += 1;
      else created += 1;
    });
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(SEEDED_KEY, String(now));
  })();
  return { created, updated };
}
