import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import { loadSharedSecret } from '../../database/load-shared-secret.util';

/** How long a signed download link works. */
export const DOWNLOAD_LINK_SECONDS = 300;

export interface SignedExport {
  id: string;
  ownerKeyId: string | null;
}

/**
 * Short-lived download links that need no API key, so that a browser can download an export by a
 * plain click: `/exports/<id>/file?expires=<unix seconds>&signature=<HMAC-SHA256>`. The signature
 * covers the export, its owner and the expiry, with a secret stored in the database: every process
 * of the database honours a link any of them signed, also after a restart. The API key never
 * appears in a URL.
 */
@Injectable()
export class DownloadLinkService implements OnModuleInit {
  private secret: Buffer | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    this.secret = await loadSharedSecret(this.dataSource, 'export_download_links');
  }

  sign(exported: SignedExport, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + DOWNLOAD_LINK_SECONDS;
    const signature = this.signature(exported, expires);
    return `/exports/${encodeURIComponent(exported.id)}/file?expires=${expires}&signature=${signature}`;
  }

  /** Throws FORBIDDEN unless the link was signed here for this export and has not expired. */
  verify(
    exported: SignedExport,
    expires: string | undefined,
    signature: string | undefined,
    now = Date.now(),
  ): void {
    const expiresAt = Number(expires);
    if (
      !expires ||
      !/^\d{1,12}$/.test(expires) ||
      !signature ||
      !/^[0-9a-f]{64}$/.test(signature)
    ) {
      throw new DomainError(
        'FORBIDDEN',
        'this download link is incomplete; ask for the export again to get a new link',
      );
    }
    const expected = Buffer.from(this.signature(exported, expiresAt), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
      throw new DomainError('FORBIDDEN', 'this download link is not valid');
    }
    if (expiresAt * 1000 < now) {
      throw new DomainError(
        'FORBIDDEN',
        'this download link has expired; ask for the export again to get a new link',
      );
    }
  }

  private signature(exported: SignedExport, expires: number): string {
    if (this.secret === null) throw new Error('DownloadLinkService used before its module started');
    return createHmac('sha256', this.secret)
      .update(`${exported.id}\n${exported.ownerKeyId ?? ''}\n${expires}`)
      .digest('hex');
  }
}
