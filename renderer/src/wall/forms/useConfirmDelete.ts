import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { useAnyErrorText } from './useAnyErrorText';

const METHODS = {
  views: { remove: 'wall.views.delete', list: 'wall.views.list' },
  tours: { remove: 'wall.tours.delete', list: 'wall.tours.list' },
} as const;

/** Deletes a saved view or a tour after asking, then says it is deleted (or why it is not). */
export function useConfirmDelete(kind: keyof typeof METHODS): (item: { id: number; name: string }) => void {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useAnyErrorText();
  const remove = useApiMutation(METHODS[kind].remove, { invalidates: [METHODS[kind].list] });
  return (item) => {
    modal.confirm({
      title: t(`wall.${kind}.deleteConfirm`, { name: item.name }),
      okText: t(`wall.${kind}.delete`),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ id: item.id }).then(
          () => void message.success(t(`wall.${kind}.deleted`, { name: item.name })),
          (error: unknown) => void message.error(errorText(error)),
        ),
    });
  };
}
