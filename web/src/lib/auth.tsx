import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { CurrentApiKeyDocument } from '../graphql/documents';
import {
  clearApiKey,
  readApiKey,
  readSession,
  storeApiKey,
  storeSession,
  type StoredSession,
} from './api-key-storage';
import { requestGraphql } from './graphql-client';

export type Session = StoredSession;
export type Role = Session['role'];

interface AuthState {
  session: Session | null;
  checking: boolean;
  signIn(apiKey: string): Promise<void>;
  signOut(): void;
}

const AuthContext = createContext<AuthState | null>(null);

const RANK: Record<Role, number> = { FINANCE: 1, OPERATOR: 2, ADMIN: 3 };

export function roleAllows(session: Session | null, needed: Role): boolean {
  return session !== null && RANK[session.role] >= RANK[needed];
}

/** Signs in with an API key (checked with currentApiKey) and keeps it for this tab only. */
export function AuthProvider({ children }: { children: ReactNode }) {
  // A key kept in this tab is trusted at once with the session seen when it signed in, so the
  // pages start loading without waiting for currentApiKey; a refusal signs the tab out.
  const [session, setSession] = useState<Session | null>(() => readSession());
  const [checking, setChecking] = useState(() => readApiKey() !== null && readSession() === null);
  useEffect(() => {
    const stored = readApiKey();
    if (stored === null) return;
    requestGraphql(CurrentApiKeyDocument, {}, stored).then(
      (data) => {
        const current = { name: data.currentApiKey.name, role: data.currentApiKey.role };
        storeSession(current);
        setSession(current);
        setChecking(false);
      },
      () => {
        clearApiKey();
        setSession(null);
        setChecking(false);
      },
    );
  }, []);
  const signIn = useCallback(async (apiKey: string) => {
    const data = await requestGraphql(CurrentApiKeyDocument, {}, apiKey);
    storeApiKey(apiKey);
    const current = { name: data.currentApiKey.name, role: data.currentApiKey.role };
    storeSession(current);
    setSession(current);
  }, []);
  const signOut = useCallback(() => {
    clearApiKey();
    setSession(null);
  }, []);
  const value = useMemo(
    () => ({ session, checking, signIn, signOut }),
    [session, checking, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
