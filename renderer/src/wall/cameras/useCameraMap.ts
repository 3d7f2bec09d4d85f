import { useMemo } from 'react';
import type { Camera } from '../../../../common/contract';
import { useApiQuery } from '../../api';

/** The registry's limit for one list: more than a district's cameras. */
const ALL = 10_000;

/**
 * Every camera by id: what a tile needs to play one (stream URLs, name, workstation); `loaded` once
 * the registry has been read.
 */
export function useCameraMap(): { cameras: ReadonlyMap<string, Camera>; loaded: boolean } {
  const { data } = useApiQuery('cameras.list', { filter: {}, limit: ALL });
  const cameras = useMemo(() => new Map((data?.rows ?? []).map((c) => [c.id, c])), [data]);
  return { cameras, loaded: data !== undefined };
}
