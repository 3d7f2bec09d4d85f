/** `#/incidents` is the workspace; `#/incidents/<id>` opens one incident (active or past). */
export const INCIDENTS_PATH = '/incidents';

export function incidentPath(id: number): string {
  return `${INCIDENTS_PATH}/${id}`;
}

/** The incident a path names, or null for the workspace itself (or anything unreadable). */
export function incidentIdOf(path: string): number | null {
  if (!path.startsWith(`${INCIDENTS_PATH}/`)) return null;
  const id = Number(path.slice(INCIDENTS_PATH.length + 1));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
