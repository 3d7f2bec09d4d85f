import type { Open311Record } from './formats';
import type { ServiceCategory } from './open311-repo';

/**
 * A category as a GeoReport v2 service: service_code is the category id, group the problem domain.
 * No service has extra attributes (metadata false) and every request gets its id at once (realtime).
 */
export function toService(c: ServiceCategory): Open311Record {
  const path = [c.domainName, c.parentName && c.level === 3 ? c.parentName : null, c.name].filter(
    (s): s is string => s !== null,
  );
  const keywords = [...new Set([c.domainName, ...(c.level === 3 && c.parentName ? [c.parentName] : []), c.name])];
  if (c.nameEn) keywords.push(c.nameEn);
  if (c.domainNameEn) keywords.push(c.domainNameEn);
  return {
    service_code: c.id,
    service_name: c.name,
    description: c.note ? `${path.join(' › ')}：${c.note}` : path.join(' › '),
    metadata: false,
    type: 'realtime',
    keywords: keywords.join(', '),
    group: c.domainName,
  };
}

/** GET services/{code}: with metadata false there are no attributes to describe. */
export function serviceDefinition(c: ServiceCategory): Open311Record {
  return { service_code: c.id, attributes: [] };
}
