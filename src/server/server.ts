/**
 * The HTTP server (restify 11): the Bot Framework endpoint, health checks, the web chat page
 * and, when enabled, the local Direct Line.
 */
import { readFile } from 'node:fs/promises';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../config/logger';
import { webChatBundlePath, webChatPage } from './webchat-page';

/** What the server needs from the app. */
export interface ServerDeps {
  readonly adapter: CloudAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** True once content is loaded. */
  readonly ready: () => boolean;
  /** City ids, for validating the page's URL parameters. */
  readonly cityIds: () => readonly string[];
  /** Serve the web chat page. */
  readonly webChat: boolean;
}

const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'SAMEORIGIN'],
];

/** Creates the restify server with every route except Direct Line (see registerDirectLine). */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'inclubot', handleUncaughtExceptions: false });
  // Before anything that can fail, so error responses carry the headers too.
  server.pre((_req: Request, res: Response, next: () => void) => {
    for (const [k, v] of SECURITY_HEADERS) res.setHeader(k, v);
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    await deps.adapter.process(req, res, deps.logic);
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json({ status: 'alive' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    if (deps.ready()) res.json({ status: 'ready' });
    else {
      res.status(503);
      res.json({ status: 'starting' });
    }
  });

  if (deps.webChat) {
    const bundle = webChatBundlePath();
    server.get('/', async (req: Request, res: Response) => {
      const query = (req.query ?? {}) as { lang?: string; city?: string };
      const html = webChatPage({ lang: query.lang, city: query.city, cityIds: deps.cityIds() });
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy':
          "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'",
      });
      res.end(html);
    });
    let script: Promise<Buffer> | null = null;
    server.get('/webchat/webchat.js', async (_req: Request, res: Response) => {
      script ??= readFile(bundle);
      const body = await script;
      res.writeHead(200, {
        'Content-Type': 'application/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=86400',
        'Content-Length': body.length,
      });
      res.end(body);
    });
  }

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    if ((err.statusCode ?? 500) >= 500) deps.logger.error({ err: { message: err.message }, route: req.getPath() }, 'request failed');
    // Never send a stack trace.
    (err as { toJSON?: () => unknown }).toJSON = () => ({
      code: err.name,
      message: (err.statusCode ?? 500) >= 500 ? 'internal error' : err.message,
    });
    callback();
  });
  return server;
}
