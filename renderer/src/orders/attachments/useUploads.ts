import { useEffect, useRef, useState } from 'react';
import type { AttachmentInfo } from '../../../../common/contract';
import { isApiCallError, useApi } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';
import { uploadAttachment } from './upload';

/** One picked file: going up, done (what the hub found it to be), or refused. */
export interface UploadItem {
  key: number;
  name: string;
  progress: number;
  info: AttachmentInfo | null;
  error: string | null;
}

export interface UploadState {
  ids: number[];
  /** Uploads still running: a form waits for them before it submits. */
  busy: boolean;
}

/**
 * The files picked so far and their uploads; reports the ids done and whether any still runs.
 * An upload still running when the form goes away stops (and its item is not updated).
 */
export function useUploads(onChange: (state: UploadState) => void) {
  const api = useApi();
  const errorText = useErrorText();
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(1);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    onChange({
      ids: items.flatMap((i) => (i.info ? [i.info.id] : [])),
      busy: items.some((i) => !i.info && !i.error),
    });
  }, [items, onChange]);

  const update = (key: number, patch: Partial<UploadItem>) => {
    if (!mounted.current) return;
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  };

  const start = (file: File) => {
    const key = nextKey.current++;
    setItems((list) => [...list, { key, name: file.name, progress: 0, info: null, error: null }]);
    uploadAttachment(
      api,
      file,
      (progress) => {
        update(key, { progress });
      },
      () => !mounted.current,
    ).then(
      (info) => {
        if (info) update(key, { info, progress: 1 });
      },
      (error: unknown) => {
        update(key, { error: isApiCallError(error) ? errorText(error) : String(error) });
      },
    );
  };

  const remove = (key: number) => {
    setItems((list) => list.filter((i) => i.key !== key));
  };

  return { items, start, remove };
}
