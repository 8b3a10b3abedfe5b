/**
 * The composition root: builds config-dependent pieces (adapter, state, content, bot,
 * server) and wires them. `index.ts` only starts and stops what this returns.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import type { Server } from 'restify';
import type * as MainDialogModule from '../dialogs/mainDialog';
import type { DialogServices } from '../dialogs/services';
import { type DialogRunner, IncluBot } from './bot/bot';
import { createTurnErrorHandler } from './bot/errors';
import { MessageHandler } from './bot/message-handler';
import { ChannelReplySender } from './bot/sender';
import { createBotState } from './bot/state';
import { TelemetryMiddleware } from './bot/telemetry-middleware';
import { DirectLineConversations } from './channels/directline/conversations';
import { LocalBotBridge } from './channels/directline/local-connector';
import { connectorKey, registerDirectLine } from './channels/directline/routes';
import type { AppConfig } from './config/config';
import type { Logger } from './config/logger';
import { CACHE_DIR } from './config/paths';
import { type ContentSnapshot, SnapshotHolder, snapshotFromFolder } from './content/services';
import { Replies } from './conversation/replies';
import { loadDetector } from './language/detect';
import { Strings } from './language/i18n';
import { createServer } from './server/server';
import { ExpiringMemoryStorage } from './store/expiring-memory-storage';
import { InMemoryUsage, type UsageEvents } from './telemetry/usage';

/** Everything the running app is made of. */
export interface App {
  readonly server: Server;
  readonly adapter: CloudAdapter;
  readonly bot: IncluBot;
  readonly content: SnapshotHolder;
  readonly usage: UsageEvents;
  readonly conversations: DirectLineConversations;
  /** Loads content (the server answers /readyz once this resolves). */
  readonly load: () => Promise<ContentSnapshot>;
  /**
   * Does in the background what the first turns would otherwise wait for: loads the dialogs,
   * builds the search indexes (one city per event-loop turn) and loads language detection.
   */
  readonly warmUp: () => Promise<void>;
}

/** Optional replacements, for tests and other stores. */
export interface AppOverrides {
  readonly storage?: Storage;
  readonly usage?: UsageEvents;
  /** Loads the content snapshot (default: the bundle folder of the config). */
  readonly loadContent?: () => Promise<ContentSnapshot>;
}

/** Builds the app; call `load()` and then listen. */
export function createApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): App {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftApp.id,
    MicrosoftAppPassword: config.microsoftApp.password,
    MicrosoftAppType: config.microsoftApp.type,
    MicrosoftAppTenantId: config.microsoftApp.tenantId,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);

  const storage = overrides.storage ?? new ExpiringMemoryStorage(config.userStateTtlDays * 24 * 3600 * 1000);
  const state = createBotState(storage);
  const content = new SnapshotHolder();
  const strings = new Strings();
  const usage = overrides.usage ?? new InMemoryUsage();
  let replies: { snapshot: ContentSnapshot; replies: Replies } | null = null;

  const services: DialogServices = {
    content: () => content.snapshot,
    replies: () => {
      const snapshot = content.snapshot;
      if (replies?.snapshot !== snapshot) replies = { snapshot, replies: new Replies(snapshot.catalogue, strings) };
      return replies.replies;
    },
    strings,
    sender: new ChannelReplySender(state),
    state,
    usage,
    defaultCity: config.defaultCity,
  };
  // botbuilder-dialogs loads the recognizers' models (a tenth of start-up); most turns never
  // need a dialog, so it is loaded on the first turn that does, or by `warmUp` after start.
  const messages = new MessageHandler(services);
  let mainDialog: DialogRunner | null = null;
  const dialogs = (): DialogRunner => {
    mainDialog ??= new (require('../dialogs/mainDialog') as typeof MainDialogModule).MainDialog(services, messages);
    return mainDialog;
  };
  const bot = new IncluBot(
    state,
    { run: (context, accessor) => dialogs().run(context, accessor) },
    () => content.snapshot.catalogue,
    messages,
  );
  adapter.use(new TelemetryMiddleware(logger));
  adapter.onTurnError = createTurnErrorHandler({ logger, state, strings, catalogue: () => content.snapshot.catalogue });
  const logic = (context: TurnContext) => bot.run(context);

  const server = createServer({
    adapter,
    logic,
    logger,
    ready: () => content.ready,
    cityIds: () => (content.ready ? content.snapshot.catalogue.cities.map((c) => c.id) : []),
    webChat: config.directLine.enabled,
  });

  const conversations = new DirectLineConversations();
  if (config.directLine.enabled) {
    const connectorPath = `/connector/${connectorKey()}`;
    const bridge = new LocalBotBridge(adapter, config.microsoftApp.id, () => `${localBaseUrl(server, config)}${connectorPath}`, logic);
    registerDirectLine(server, connectorPath, {
      conversations,
      bridge: () => bridge,
      secret: config.directLine.secret,
      logger,
      bot: { id: config.microsoftApp.id ?? 'inclubot', name: 'IncluBot' },
    });
  }

  const loadContent = overrides.loadContent ?? (() => snapshotFromFolder(config.contentDir, { lazyIndex: true, cacheDir: CACHE_DIR }));
  const warmUp = async (): Promise<void> => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    dialogs();
    await content.snapshot.matcher.warmUp();
    loadDetector();
  };
  return { server, adapter, bot, content, usage, conversations, load: () => content.reload(loadContent), warmUp };
}

/** The URL the bot's connector client uses to reach this process: always loopback. */
function localBaseUrl(server: Server, config: AppConfig): string {
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  return `http://127.0.0.1:${port}`;
}
