const KEY = 'whatsapp-billing.api-key';
const SESSION = 'whatsapp-billing.session';

/** The API key lives in sessionStorage: this tab only, gone when it closes. */
export function readApiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

/** The Authorization header of a request made with `apiKey` (none without a key). */
export function authorizationHeader(apiKey: string | null = readApiKey()): Record<string, string> {
  return apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
}

export function storeApiKey(apiKey: string): void {
  sessionStorage.setItem(KEY, apiKey);
}

export function clearApiKey(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(SESSION);
}

/** The key's name and role as currentApiKey last answered (shown before it answers again). */
export interface StoredSession {
  name: string;
  role: 'FINANCE' | 'OPERATOR' | 'ADMIN';
}

export function readSession(): StoredSession | null {
  if (sessionStorage.getItem(KEY) === null) return null;
  const stored = sessionStorage.getItem(SESSION);
  return stored ? (JSON.parse(stored) as StoredSession) : null;
}

export function storeSession(session: StoredSession): void {
  sessionStorage.setItem(SESSION, JSON.stringify(session));
}
