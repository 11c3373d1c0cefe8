import { NavLink, Outlet } from 'react-router-dom';
import { roleAllows, useAuth, type Role } from '../lib/auth';
import { scopeSearch, useScope } from '../lib/scope';
import { ScopePicker } from './ScopePicker';

const PAGES: { path: string; label: string; needs?: Role }[] = [
  { path: '/', label: 'Overview' },
  { path: '/statement', label: 'Statement' },
  { path: '/messages', label: 'Messages' },
  { path: '/reconciliation', label: 'Reconciliation' },
  { path: '/simulations', label: 'Simulations' },
  { path: '/coexistence', label: 'Coexistence planner' },
  { path: '/rate-cards', label: 'Rate cards' },
  { path: '/data-imports', label: 'Imports', needs: 'OPERATOR' },
  { path: '/explorer', label: 'GraphQL explorer' },
];

/** Navigation (keeping the scope), the scope picker and the signed-in key. */
export function Layout() {
  const { session, signOut } = useAuth();
  const [scope] = useScope();
  const search = scopeSearch(scope);
  return (
    <div className="app">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header>
        <nav aria-label="Pages">
          <ul>
            {PAGES.filter((page) => !page.needs || roleAllows(session, page.needs)).map((page) => (
              <li key={page.path}>
                <NavLink to={{ pathname: page.path, search }} end={page.path === '/'}>
                  {page.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="session">
          <span>
            {session?.name} ({session?.role.toLowerCase()}
            {roleAllows(session, 'OPERATOR') ? ', can import' : ', read only'})
          </span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
        <ScopePicker />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
