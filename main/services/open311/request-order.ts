import { apiError, type ApiError } from '../../../common/contract';
import type { OrderActor } from '../orders/actor';
import type { CreateOrderInput } from '../orders/orders-service';
import { Open311Error } from './errors';
import type { Open311Repo } from './open311-repo';
import type { Open311Params } from './params';
import { descriptionWithFooter, parseCreateParams, titleOf } from './requests';

/** What a filed request becomes: the order to create, and the category its audit row names. */
export interface RequestOrder {
  input: CreateOrderInput;
  category: { id: string; name: string };
}

/**
 * A request's GeoReport fields as the order it files (source open311, 待受理, 一般): its service is a
 * level-2/3 category, its place a workstation or a point or an address. A rule broken is the caller's
 * error: E_INVALID with the endpoint's own words, which it answers as 400.
 */
export function requestOrder(
  fields: Open311Params,
  repo: Pick<Open311Repo, 'serviceCategory' | 'workstation'>,
): RequestOrder {
  const p = asApiError(() => parseCreateParams(fields));
  const category = repo.serviceCategory(p.serviceCode);
  if (!category) throw invalid(`未知的 service_code：${p.serviceCode}`, `unknown service_code ${p.serviceCode}`);
  let workstationId: string | null = null;
  if (p.workstation !== null) {
    const ws = repo.workstation(p.workstation);
    if (!ws) throw invalid(`未知的村居工作站：${p.workstation}`, `unknown workstation ${p.workstation}`);
    workstationId = ws.id;
  }
  return {
    category,
    input: {
      title: titleOf(p.description, category.name),
      description: descriptionWithFooter(p),
      categoryId: category.id,
      workstationId,
      address: p.address,
      lat: p.lat,
      lng: p.lng,
      source: 'open311',
      reporterName: p.reporterName,
      reporterPhone: p.phone,
      urgency: 'normal',
      responseLevel: 'patrol',
      cameraId: null,
      attachmentIds: [],
      acceptNow: false,
    },
  };
}

/** The order history's actor of a request filed with a key: the partner system, in the center. */
export function keyActor(keyName: string, centerId: string): OrderActor {
  return { id: null, name: `Open311:${keyName}`, roles: [], orgUnitId: centerId, stationId: null };
}

function invalid(zh: string, en: string): ApiError {
  return apiError('E_INVALID', zh, en);
}

/** The GeoReport rules speak 'zh / en' in one text (errors.ts): split back into the two languages. */
function asApiError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof Open311Error)) throw err;
    const [zh, en] = splitBilingual(err.description);
    throw invalid(zh, en);
  }
}

function splitBilingual(text: string): [string, string] {
  const at = text.indexOf(' / ');
  return at < 0 ? [text, text] : [text.slice(0, at), text.slice(at + 3)];
}
