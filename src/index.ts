/**
 * Starts IncluBot: validated config, content, HTTP server; stops cleanly on SIGTERM/SIGINT.
 */
import 'dotenv/config';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { ContentError } from './content/bundle';

async function main(): Promise<void> {
  const started = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const app = createApp(config, logger);
  try {
    const snapshot = await app.load();
    logger.info({ cities: snapshot.catalogue.cities.length }, 'content loaded');
  } catch (err) {
    if (err instanceof ContentError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  // Dialogs, search indexes and language detection are loaded after the server is up: a turn
  // that comes first loads what it needs on the spot.
  void app.warmUp().then(() => logger.info({ warmMs: Math.round(performance.now() - started) }, 'dialogs and search indexes ready'));
  logger.info(
    {
      port: config.port,
      url: config.publicUrl,
      azure: Boolean(config.microsoftApp.id),
      mongodb: Boolean(config.mongodbUri),
      startupMs: Math.round(performance.now() - started),
    },
    `IncluBot is listening: open ${config.publicUrl}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.server.close(() => {
      logger.info('stopped');
      process.exit(0);
    });
    // Do not hang on keep-alive connections.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
