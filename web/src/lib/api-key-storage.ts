const KEY = 'whatsapp-billing.api-key';

/** The API key lives in sessionStorage: this tab only, gone when it closes. */
export function readApiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeApiKey(apiKey: string): void {
  sessionStorage.setItem(KEY, apiKey);
}

export function clearApiKey(): void {
  sessionStorage.removeItem(KEY);
}
