import { describe, expect, it } from 'vitest';
import type { Audience } from '../../common/contract';
import type { Camera } from '../../common/contract/cameras';
import { openDatabase } from '../../main/db/connection';
import { DutyLog } from '../../main/services/duty/duty-log';
import { dutyStore } from '../../main/services/duty/duty-store';
import { RosterService } from '../../main/services/duty/roster-service';
import { DutySystemLog } from '../../main/services/duty/system-log';
import type { EventSink } from '../../main/services/org/audience';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import type { AlertRecord } from '../../main/services/orders/order-alerts';
import { camera as cameraFixture } from '../helpers/camera';
import { tempDir, testClock } from '../helpers/test-env';

const CENTER = 'HQ-C';
const STATION = 'HQ-S1';

function setup() {
  const db = openDatabase(tempDir());
  seedReferenceData(db);
  const clock = testClock();
  const org = new OrgRepo(db);
  const store = dutyStore(db);
  const roster = new RosterService(store, org, clock);
  const dutyLog = new DutyLog(store, clock, (id) => roster.pattern(id));
  const published: { event: string; payload: unknown; audience: Audience | undefined }[] = [];
  const events: EventSink = { publish: (event, payload, audience) => published.push({ event, payload, audience }) };
  const systemLog = new DutySystemLog({ dutyLog, roster, org, events });
  /** The system entries of a unit's current shift, as text. */
  const texts = (unit: string) =>
    dutyLog
      .entries(dutyLog.currentShift(unit).id)
      .filter((e) => e.kind === 'system')
      .map((e) => e.text);
  return { db, dutyLog, systemLog, published, texts };
}

/** A camera at 海塘村, in the area of 第一联勤站. */
const camera = (over: Partial<Camera> = {}): Camera =>
  cameraFixture({
    id: 'CAM-1',
    name: '海塘村路口',
    workstationId: 'HQ-W-CL02',
    workstationName: '海塘村',
    stationId: STATION,
    stationName: '第一联勤站',
    ...over,
  });

const logChanged = (orgUnitId: string) => ({
  event: 'duty.changed',
  payload: { orgUnitId, what: 'log' },
  audience: { orgUnitIds: orgUnitId === CENTER ? [CENTER] : [orgUnitId, CENTER] },
});

describe('the duty log system entries the hub writes by itself', () => {
  it('writes a camera outage, and its return, into the center’s and its station’s log and announces both', () => {
    const s = setup();
    s.systemLog.cameraOnline(camera(), false);
    const offline = '摄像机 海塘村路口（CAM-1，海塘村）离线';
    expect(s.texts(CENTER)).toEqual([offline]);
    expect(s.texts(STATION)).toEqual([offline]);
    expect(s.published).toEqual([logChanged(CENTER), logChanged(STATION)]);
    const [entry] = s.dutyLog.entries(s.dutyLog.currentShift(STATION).id);
    expect(entry?.links).toEqual({ cameraIds: ['CAM-1'] });

    s.published.length = 0;
    s.systemLog.cameraOnline(camera(), true);
    expect(s.texts(STATION)).toEqual([offline, '摄像机 海塘村路口（CAM-1，海塘村）恢复在线']);
    expect(s.published).toEqual([logChanged(CENTER), logChanged(STATION)]);
    s.db.close();
  });

  it('writes the outage of a camera outside any station for the center only', () => {
    const s = setup();
    s.systemLog.cameraOnline(camera({ stationId: null, stationName: null }), false);
    expect(s.texts(CENTER)).toHaveLength(1);
    expect(s.texts(STATION)).toEqual([]);
    expect(s.published).toEqual([logChanged(CENTER)]);
    s.db.close();
  });

  it('writes an order turning red for the center and the station holding it, never a yellow one', () => {
    const s = setup();
    const alert: AlertRecord = {
      id: 1,
      orderId: 7,
      orderCode: 'HQ202602030007',
      orderTitle: '井盖破损',
      kind: 'yellow',
      at: 0,
      stationId: STATION,
    };
    s.systemLog.orderOverdue(alert);
    expect(s.texts(CENTER)).toEqual([]);
    expect(s.published).toEqual([]);
    s.systemLog.orderOverdue({ ...alert, kind: 'red' });
    const red = '工单 HQ202602030007「井盖破损」已超时（红灯）';
    expect(s.texts(CENTER)).toEqual([red]);
    expect(s.texts(STATION)).toEqual([red]);
    expect(s.published).toEqual([logChanged(CENTER), logChanged(STATION)]);
    s.db.close();
  });

  it('announces each unit once, whatever the caller hands it', () => {
    const s = setup();
    s.systemLog.announce([STATION, CENTER, STATION]);
    expect(s.published).toEqual([logChanged(STATION), logChanged(CENTER)]);
    s.db.close();
  });
});
