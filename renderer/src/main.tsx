import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api';
import { Providers } from './app/Providers';
import { createQueryClient } from './app/queryClient';
import { Root } from './app/Root';
import { initI18n } from './i18n';
import { initialLanguage, useLanguageStore } from './stores/language';
import './styles.css';

initI18n(initialLanguage());
useLanguageStore.getState().apply(initialLanguage());

const api = createApi();
const queryClient = createQueryClient();

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <Providers api={api} queryClient={queryClient}>
      <Root />
    </Providers>
  </StrictMode>,
);
