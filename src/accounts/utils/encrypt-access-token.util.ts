import { createCipheriv, randomBytes } from 'node:crypto';

/** The stored form's version prefix: v1 is AES-256-GCM with a 12-byte IV and a 16-byte tag. */
export const ACCESS_TOKEN_FORMAT = 'v1';

/**
 * Encrypts a WABA's Graph API access token with AES-256-GCM. The WABA id is authenticated data,
 * so a ciphertext copied to another WABA's row does not decrypt. Stored as
 * `v1:<iv>:<tag>:<ciphertext>`, each part base64.
 */
export function encryptAccessToken(key: Buffer, wabaId: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(wabaId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [
    ACCESS_TOKEN_FORMAT,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    ciphertext.toString('base64'),
  ].join(':');
}
