import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Modal, Tooltip, Typography } from 'antd';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePath } from '../../stores/route';
import { useUser } from '../../stores/session';
import { matchWorkspace, visibleWorkspaces } from '../workspaces';
import { SHORTCUT_GROUPS, sheetGroups } from './registry';
import type { Chord } from './types';
import { isSheetKey, isTypingTarget } from './typing';

function ChordKeys({ chord }: { chord: Chord }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {chord.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && ' + '}
          <kbd className="key-hint">{k === 'Space' ? t('shortcuts.key.Space') : k}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * The keyboard-shortcut sheet: `?` anywhere (not while typing) or the header button opens it. It
 * lists the registry (./registry.ts) for the workspaces this user may open, theirs first.
 */
export function ShortcutSheet() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const user = useUser();
  const path = usePath();
  const workspaces = visibleWorkspaces(user.roles);
  const groups = sheetGroups(
    SHORTCUT_GROUPS,
    workspaces.map((w) => w.path),
    matchWorkspace(workspaces, path)?.path ?? null,
  );

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isSheetKey(e) || isTypingTarget(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <>
      <Tooltip title={`${t('shortcuts.sheet.title')} (?)`}>
        <Button
          type="text"
          size="small"
          icon={<QuestionCircleOutlined />}
          aria-label={t('shortcuts.sheet.title')}
          data-testid="shortcut-sheet-open"
          onClick={() => {
            setOpen(true);
          }}
        >
          {t('shortcuts.sheet.open')}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('shortcuts.sheet.title')}
        footer={null}
        width={760}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
        styles={{ body: { maxHeight: '70vh', overflowY: 'auto' } }}
      >
        <div data-testid="shortcut-sheet">
          <Typography.Paragraph type="secondary">{t('shortcuts.sheet.hint')}</Typography.Paragraph>
          {groups.map((g) => (
            <section key={g.id} data-testid={`shortcut-group-${g.id}`} style={{ marginBottom: 16 }}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {g.title(t)}
              </Typography.Title>
              <dl className="shortcut-list">
                {g.shortcuts.map((s) => (
                  <Fragment key={s.id}>
                    <dt data-testid={`shortcut-${g.id}-${s.id}`}>
                      {s.chords.map((c, i) => (
                        <Fragment key={c.join('+')}>
                          {i > 0 && (
                            <Typography.Text type="secondary">{` ${t('shortcuts.sheet.or')} `}</Typography.Text>
                          )}
                          <ChordKeys chord={c} />
                        </Fragment>
                      ))}
                    </dt>
                    <dd>{s.label(t)}</dd>
                  </Fragment>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </Modal>
    </>
  );
}
