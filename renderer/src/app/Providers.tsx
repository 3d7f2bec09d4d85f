import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { ApiProvider, type Api } from '../api';
import { useLanguage } from '../stores/language';
import { controlRoomTheme, controlRoomThemeStill } from './theme';
import { useReducedMotion } from './useReducedMotion';

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;

export function Providers({ api, queryClient, children }: { api: Api; queryClient: QueryClient; children: ReactNode }) {
  const language = useLanguage();
  const still = useReducedMotion();
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        {/* No space forced into two-character labels (派遣, not 派 遣): operators and tests read them as words. */}
        <ConfigProvider
          theme={still ? controlRoomThemeStill : controlRoomTheme}
          locale={ANTD_LOCALES[language]}
          button={{ autoInsertSpace: false }}
        >
          {/* Alert cards sit above the status bar, never over it. */}
          <AntApp style={{ height: '100%' }} notification={{ placement: 'bottomRight', bottom: 40 }}>
            {children}
          </AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
