import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CameraImport } from './useCameraImport';

/** Close, check (nothing saved) and import; the button of the call under way spins. */
export function ImportFooter({ state, onClose }: { state: CameraImport; onClose: () => void }) {
  const { t } = useTranslation();
  const { importer, run } = state;
  const empty = state.text.trim() === '';
  const pendingDry = importer.isPending ? importer.variables.dryRun : null;
  return (
    <Flex justify="end" gap={8}>
      <Button data-testid="camera-import-close" onClick={onClose}>
        {t('cameras.import.close')}
      </Button>
      <Button
        data-testid="camera-import-check"
        disabled={empty || importer.isPending}
        loading={pendingDry === true}
        onClick={() => {
          run(true);
        }}
      >
        {t('cameras.import.check')}
      </Button>
      <Button
        type="primary"
        data-testid="camera-import-run"
        disabled={empty || importer.isPending}
        loading={pendingDry === false}
        onClick={() => {
          run(false);
        }}
      >
        {t('cameras.import.run')}
      </Button>
    </Flex>
  );
}
