import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi, onTransportReconnect } from './transport/get-api.ts';
import { ApiProvider } from './shell/api-context.tsx';
import { App } from './shell/app.tsx';
import './styles/theme.css';
import './styles/app.css';
import './styles/sessions.css';
import './styles/narrow.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={getApi()} reconnects={onTransportReconnect}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
