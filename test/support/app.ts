/**
 * Starts the real app on a free loopback port for HTTP, Direct Line and browser tests.
 */
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/config/logger';
import { type ContentSnapshot, snapshotFromFolder } from '../../src/content/services';

/** A running app and its base URL. */
export interface RunningApp {
  readonly app: App;
  readonly url: string;
  close(): Promise<void>;
}

/** The repository's content bundle. */
export const CONTENT_DIR = path.resolve(__dirname, '../../content');

let shared: Promise<ContentSnapshot> | null = null;

/** The real content, loaded once per test file. */
export function realContent(): Promise<ContentSnapshot> {
  shared ??= snapshotFromFolder(CONTENT_DIR);
  return shared;
}

/** Starts the app with extra environment variables (e.g. a MicrosoftAppId). */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CONTENT_DIR, LOG_LEVEL: 'silent', ...env });
  const app = createApp(config, createLogger('silent'), { loadContent: realContent });
  await app.load();
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const address = app.server.address();
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        app.server.close(() => resolve());
      }),
  };
}
