import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the service answers itself: never the web app's page, even for a browser. */
const SERVICE_PREFIXES = [
  '/graphql',
  '/webhooks',
  '/health',
  '/metrics',
  '/exports',
  '/imports',
  '/assets',
];

/** The route of the web app's GraphQL explorer, where a browser asking for /graphql is sent. */
export const EXPLORER_ROUTE = '/explorer';

/** web/dist of the package, from src/ (ts-jest) as from dist/src/ (the build). */
export function defaultWebDistDir(): string {
  const fromSource = join(__dirname, '..', '..');
  const root = existsSync(join(fromSource, 'package.json')) ? fromSource : join(fromSource, '..');
  return join(root, 'web', 'dist');
}

/**
 * Serves the built single-page app at `/`: its files as they are (hashed assets cached for a year,
 * index.html never), and index.html for any other page a browser asks for (the app's routes,
 * history API), except the service's own paths. A browser opening /graphql (asking for HTML, GET)
 * is sent to the app's explorer instead of getting Apollo's CSRF refusal.
 */
export function serveWebApp(app: NestExpressApplication, distDir: string): void {
  const indexFile = join(distDir, 'index.html');
  const assetsDir = join(distDir, 'assets');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'GET' && request.path === '/graphql' && wantsPage(request)) {
      response.redirect(302, EXPLORER_ROUTE);
      return;
    }
    next();
  });
  app.useStaticAssets(distDir, {
    index: false,
    fallthrough: true,
    setHeaders: (response: Response, path: string) => {
      response.setHeader(
        'Cache-Control',
        path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      SERVICE_PREFIXES.some(
        (prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`),
      ) ||
      !wantsPage(request)
    ) {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      response
        .status(503)
        .type('text/plain')
        .send('The web app is not built: run "npm run build:web" (npm start builds it).\n');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}

function wantsPage(request: Request): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}
