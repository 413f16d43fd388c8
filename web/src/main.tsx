import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ToastProvider } from './components/toast.tsx';
import { createQueryClient } from './lib/query-client.ts';
import { applyThemePreference, readThemePreference } from './lib/theme.ts';
import { routes } from './routes.tsx';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/check-ins-plan-journal.css';
import './styles/meetings.css';
import './styles/community.css';
import './styles/moderation.css';
import './styles/print.css';

// public/theme.js has applied the saved theme already; this keeps the two in step if storage changed meanwhile.
applyThemePreference(readThemePreference());

const queryClient = createQueryClient();
const router = createBrowserRouter(routes);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
