import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { CurrentApiKeyDocument } from '../graphql/documents';
import { clearApiKey, readApiKey, storeApiKey } from './api-key-storage';
import { requestGraphql } from './graphql-client';

export type Role = 'FINANCE' | 'OPERATOR' | 'ADMIN';

export interface Session {
  name: string;
  role: Role;
}

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
  const [session, setSession] = useState<Session | null>(null);
  const [checking, setChecking] = useState(() => readApiKey() !== null);
  useEffect(() => {
    const stored = readApiKey();
    if (stored === null) return;
    requestGraphql(CurrentApiKeyDocument, {}, stored).then(
      (data) => {
        setSession({ name: data.currentApiKey.name, role: data.currentApiKey.role });
        setChecking(false);
      },
      () => {
        clearApiKey();
        setChecking(false);
      },
    );
  }, []);
  const signIn = useCallback(async (apiKey: string) => {
    const data = await requestGraphql(CurrentApiKeyDocument, {}, apiKey);
    storeApiKey(apiKey);
    setSession({ name: data.currentApiKey.name, role: data.currentApiKey.role });
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
