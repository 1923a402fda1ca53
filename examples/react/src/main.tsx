import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'customer-elements/themes/tokens.css';
import 'customer-elements/themes/light.css';
import './app.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
