const KEY = 'whatsapp-billing.api-key';
const SESSION = 'whatsapp-billing.session';

/** The API key lives in sessionStorage: this tab only, gone when it closes. */
export function readApiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeApiKey(apiKey: string): void {
  sessionStorage.setItem(KEY, apiKey);
}

export function clearApiKey(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(SESSION);
}

/** The key's name and role as currentApiKey last answered (shown before it answers again). */
export function readSession(): { name: string; role: 'FINANCE' | 'OPERATOR' | 'ADMIN' } | null {
  if (sessionStorage.getItem(KEY) === null) return null;
  const stored = sessionStorage.getItem(SESSION);
  return stored
    ? (JSON.parse(stored) as { name: string; role: 'FINANCE' | 'OPERATOR' | 'ADMIN' })
    : null;
}

export function storeSession(session: {
  name: string;
  role: 'FINANCE' | 'OPERATOR' | 'ADMIN';
}): void {
  sessionStorage.setItem(SESSION, JSON.stringify(session));
}
