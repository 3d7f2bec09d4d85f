import { Collapse, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoleName } from '../i18n/useDisplay';
import type { MethodOutput } from '../../../common/contract';

type DemoAccount = MethodOutput<'system.info'>['demoAccounts'][number];

/** The hub's demo accounts (system.info), one click to fill the sign-in form. */
export function DemoAccounts({
  accounts,
  password,
  onPick,
}: {
  accounts: readonly DemoAccount[];
  password: string;
  onPick: (username: string, password: string) => void;
}) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  return (
    <Collapse
      size="small"
      data-testid="demo-accounts"
      items={[
        {
          key: 'demo',
          label: t('login.demoAccounts'),
          children: (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('login.demoHint', { password })}
              </Typography.Paragraph>
              {/* The list scrolls inside the card so that the sign-in form fits a 768 px high screen. */}
              <div
                data-testid="demo-accounts-list"
                style={{ maxHeight: 'max(120px, calc(100vh - 600px))', overflowY: 'auto' }}
              >
                <Table
                  size="small"
                  rowKey="username"
                  pagination={false}
                  showHeader={false}
                  dataSource={accounts}
                  rowClassName="clickable-row"
                  onRow={(account) =>
                    ({
                      'data-testid': 'demo-account',
                      'data-username': account.username,
                      onClick: () => {
                        onPick(account.username, password);
                      },
                    }) as HTMLAttributes<HTMLElement>
                  }
                  columns={[
                    {
                      key: 'username',
                      dataIndex: 'username',
                      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
                    },
                    { key: 'role', render: (_, account) => account.roles.map(roleName).join('、') },
                  ]}
                />
              </div>
            </>
          ),
        },
      ]}
    />
  );
}
