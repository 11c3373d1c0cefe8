import { useState, type FormEvent } from 'react';
import { useAuth } from '../lib/auth';
import { GraphqlRequestError } from '../lib/graphql-client';

/** Sign in with an API key; it is kept for this browser tab only (sessionStorage). */
export function SignInPage() {
  const { signIn } = useAuth();
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(apiKey.trim());
    } catch (failure) {
      const code = failure instanceof GraphqlRequestError ? failure.code : null;
      setError(
        code === 'UNAUTHENTICATED'
          ? 'This API key is not valid: it is unknown or has been revoked. Check it and try again.'
          : `Could not sign in: ${(failure as Error).message}`,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in" id="main">
      <h1>WhatsApp billing</h1>
      <form onSubmit={(event) => void submit(event)} aria-describedby="sign-in-help">
        <label>
          API key
          <input
            type="password"
            name="apiKey"
            autoComplete="off"
            required
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
            aria-invalid={error !== null}
          />
        </label>
        <p id="sign-in-help">
          The key stays in this tab only and is forgotten when the tab closes. Its role decides what
          you can do.
        </p>
        <button type="submit" disabled={busy || apiKey.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
