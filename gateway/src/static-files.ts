import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { HttpError } from '@sophia/kit';

/** Content types of what a Vite build writes; anything else is served as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Vite names built assets `assets/<name>-<hash>.<ext>`: their content never changes under that name. */
const HASHED_ASSET = /^\/assets\/.+-[\w-]{8,}\.\w+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files are revalidated every time, so a new build is picked up at once. */
const REVALIDATE = 'no-cache';

export const contentTypeOf = (path: string): string =>
  CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * Serves a built single-page app from `root` (the gateway's fallback route): files by path with their
 * content type, long-lived caching for hashed assets, and `index.html` for any other path without a file
 * extension so client-side routes load the app. Paths that resolve outside `root` are refused.
 */
/**
 * Headers on every dashboard file: scripts, styles and connections only from this origin (style attributes
 * allowed: charts set them), never framed (clickjacking), no referrer sent elsewhere, no type sniffing.
 */
export const DASHBOARD_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
};

export function createStaticFiles(root: string) {
  const base = resolve(root);
  const index = resolve(base, 'index.html');

  const fileAt = async (path: string): Promise<{ path: string; size: number } | undefined> => {
    const found = await stat(path).catch(() => undefined);
    return found?.isFile() ? { path, size: found.size } : undefined;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'BAD_USER_INPUT', 'Only GET and HEAD are served here.');
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, 'BAD_USER_INPUT', 'The path is not valid percent-encoding.');
    }
    const target = resolve(base, `.${decoded}`);
    if (decoded.includes('\0') || (target !== base && !target.startsWith(base + sep))) {
      throw new HttpError(404, 'NOT_FOUND', 'No such file.');
    }

    let file = target === base ? undefined : await fileAt(target);
    let cache = HASHED_ASSET.test(decoded) ? IMMUTABLE : REVALIDATE;
    if (!file && extname(decoded) === '') {
      file = await fileAt(index);
      cache = REVALIDATE;
      if (!file) {
        throw new HttpError(404, 'NOT_FOUND', 'The dashboard is not built: run `npm run build -w web`.');
      }
    }
    if (!file) throw new HttpError(404, 'NOT_FOUND', 'No such file.');

    res.writeHead(200, {
      'content-type': contentTypeOf(file.path),
      'content-length': String(file.size),
      'cache-control': cache,
      ...DASHBOARD_SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((done, fail) => {
      createReadStream(file.path).on('error', fail).pipe(res).on('finish', done).on('close', done);
    });
  };
}
