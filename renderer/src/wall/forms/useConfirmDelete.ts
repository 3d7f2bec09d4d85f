import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { useAnyErrorText } from './useAnyErrorText';

// The string-table keys are written out (not built from `kind`) so the unused-keys test can find them.
const METHODS = {
  views: {
    remove: 'wall.views.delete',
    list: 'wall.views.list',
    words: { confirm: 'wall.views.deleteConfirm', ok: 'wall.views.delete', done: 'wall.views.deleted' },
  },
  tours: {
    remove: 'wall.tours.delete',
    list: 'wall.tours.list',
    words: { confirm: 'wall.tours.deleteConfirm', ok: 'wall.tours.delete', done: 'wall.tours.deleted' },
  },
} as const;

/** Deletes a saved view or a tour after asking, then says it is deleted (or why it is not). */
export function useConfirmDelete(kind: keyof typeof METHODS): (item: { id: number; name: string }) => void {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useAnyErrorText();
  const remove = useApiMutation(METHODS[kind].remove, { invalidates: [METHODS[kind].list] });
  const words = METHODS[kind].words;
  return (item) => {
    modal.confirm({
      title: t(words.confirm, { name: item.name }),
      okText: t(words.ok),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ id: item.id }).then(
          () => void message.success(t(words.done, { name: item.name })),
          (error: unknown) => void message.error(errorText(error)),
        ),
    });
  };
}
