import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../../common/contract';
import { useApi } from '../../api';
import { useAnyErrorText } from '../forms/useAnyErrorText';
import { usePlayerManager } from '../player';
import type { Player } from '../player/types';
import type { SnapshotDraft } from './SnapshotIntakeDrawer';
import { takeSnapshot } from './takeSnapshot';

/** The tile action "snapshot → work order": grab, upload, then the prefilled intake drawer. */
export function useSnapshot(): {
  draft: SnapshotDraft | null;
  close: () => void;
  snap: (player: Player, camera: Camera) => void;
} {
  const { t } = useTranslation();
  const api = useApi();
  const manager = usePlayerManager();
  const { message } = App.useApp();
  const errorText = useAnyErrorText();
  const [draft, setDraft] = useState<SnapshotDraft | null>(null);

  const snap = useCallback(
    (player: Player, camera: Camera) => {
      const hide = message.loading(t('wall.snapshot.busy'), 0);
      takeSnapshot(api, manager, player, camera, {
        fileName: (name, time) => t('wall.snapshot.fileName', { camera: name, time }),
        description: (name, time) => t('wall.snapshot.description', { camera: name, time }),
      }).then(
        (prefill) => {
          hide();
          setDraft({ camera, prefill });
        },
        (error: unknown) => {
          hide();
          void message.error(t('wall.snapshot.failed', { message: errorText(error) }));
        },
      );
    },
    [api, errorText, manager, message, t],
  );
  const close = useCallback(() => {
    setDraft(null);
  }, []);
  return { draft, close, snap };
}
