import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { useAuth } from './lib/auth';
import { CoexistencePage } from './pages/CoexistencePage';
import { ImportsPage } from './pages/ImportsPage';
import { MessagesPage } from './pages/MessagesPage';
import { OverviewPage } from './pages/OverviewPage';
import { RateCardsPage } from './pages/RateCardsPage';
import { ReconciliationPage } from './pages/ReconciliationPage';
import { SignInPage } from './pages/SignInPage';
import { SimulationsPage } from './pages/SimulationsPage';
import { StatementPage } from './pages/StatementPage';

const ExplorerPage = lazy(() => import('./pages/ExplorerPage'));

/** Every page needs a signed-in key; without one, the sign-in page answers every address. */
export function App() {
  const { session, checking } = useAuth();
  if (checking) {
    return (
      <p role="status" className="status">
        Checking your API key…
      </p>
    );
  }
  if (!session) return <SignInPage />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<OverviewPage />} />
        <Route path="statement" element={<StatementPage />} />
        <Route path="messages" element={<MessagesPage />} />
        <Route path="reconciliation" element={<ReconciliationPage />} />
        <Route path="simulations" element={<SimulationsPage />} />
        <Route path="coexistence" element={<CoexistencePage />} />
        <Route path="rate-cards" element={<RateCardsPage />} />
        <Route path="data-imports" element={<ImportsPage />} />
        <Route
          path="explorer"
          element={
            <Suspense fallback={<p role="status">Loading the explorer…</p>}>
              <ExplorerPage />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
