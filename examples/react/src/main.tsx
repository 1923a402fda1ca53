import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'customer-elements/themes/tokens.css';
import 'customer-elements/themes/light.css';
import './app.css';
import { App } from './App';

// src/main.tsx: start it before anything calls the API
if (import.meta.env.DEV) {
  const { startMockApi } = await import('customer-elements/mocks/browser');
  await startMockApi(); // answers `${location.origin}/api` until the tab closes
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
