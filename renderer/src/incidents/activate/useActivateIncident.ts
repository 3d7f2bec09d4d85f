import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { markServerErrors } from '../../components/form-errors';
import { useUser } from '../../stores/session';
import { useIncidentMutation } from '../data';
import { useIncidentNames } from '../display';
import { ACTIVATE_FIELDS, type ActivateFieldValues } from './ActivateFields';

/**
 * incidents.activate behind a confirmation naming what the room is about to do; the hub's field
 * errors go onto the form. `submit` is the form's onFinish.
 */
export function useActivateIncident(form: FormInstance<ActivateFieldValues>, onActivated: (id: number) => void) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const names = useIncidentNames();
  const user = useUser();
  const activate = useIncidentMutation('incidents.activate', {
    onSuccess: (detail) => {
      form.resetFields();
      onActivated(detail.incident.id);
    },
    onError: (error) => {
      markServerErrors(form, error, ACTIVATE_FIELDS);
    },
  });

  const submit = (f: ActivateFieldValues) => {
    const commanderName = f.commanderName.trim();
    modal.confirm({
      title: t(f.drill ? 'incidents.activate.confirmDrillTitle' : 'incidents.activate.confirmTitle'),
      content: t(f.drill ? 'incidents.activate.confirmDrill' : 'incidents.activate.confirm', {
        type: names.type(f.type),
        level: names.level(f.level),
        count: f.areaIds.length,
      }),
      okText: t('incidents.activate.confirmOk'),
      okButtonProps: { danger: !f.drill, 'data-testid': 'incident-activate-confirm' },
      cancelButtonProps: { 'data-testid': 'incident-activate-confirm-cancel' },
      onOk: () => {
        activate.mutate({
          type: f.type,
          level: f.level,
          drill: f.drill,
          areaIds: f.areaIds,
          commanderName,
          // The commander is the signed-in user unless another name was typed.
          commanderUserId: commanderName === user.displayName ? user.id : null,
          situation: f.situation.trim(),
          ...(f.name.trim() && { name: f.name.trim() }),
        });
      },
    });
  };
  return { activate, submit };
}
