import { createDecipheriv } from 'node:crypto';
import { ACCESS_TOKEN_FORMAT } from './encrypt-access-token.util';

/**
 * The access token stored by encryptAccessToken for this WABA. Throws when the key is not the one
 * it was encrypted with, or the stored value was altered or belongs to another WABA; the error
 * never contains the token.
 */
export function decryptAccessToken(key: Buffer, wabaId: string, stored: string): string {
  const [format, iv, tag, ciphertext, ...rest] = stored.split(':');
  if (
    format !== ACCESS_TOKEN_FORMAT ||
    rest.length > 0 ||
    !iv ||
    !tag ||
    ciphertext === undefined
  ) {
    throw new Error(
      `the stored access token of WABA ${wabaId} is not in the ${ACCESS_TOKEN_FORMAT} format`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(wabaId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new Error(
      `the stored access token of WABA ${wabaId} does not decrypt with TOKEN_ENCRYPTION_KEY (another key, or altered)`,
    );
  }
}
