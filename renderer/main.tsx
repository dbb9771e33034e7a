import './zod-config';
// api first: in browser mode it takes the token out of the URL before the router reads the hash.
import './api';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';
import './styles/screens.css';
import './styles/accounts.css';
import './styles/interviews.css';
import './styles/monetization.css';
import './styles/import-export.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
