/**
 * Builds the dialogs' services for tests, on the real content and in-memory state.
 */
import { AutoSaveStateMiddleware, MemoryStorage } from 'botbuilder';
import type { DialogServices } from '../../dialogs/services';
import { ChannelReplySender } from '../../src/bot/sender';
import { type BotState, createBotState } from '../../src/bot/state';
import type { ContentSnapshot } from '../../src/content/services';
import { Replies } from '../../src/conversation/replies';
import { Strings } from '../../src/language/i18n';
import { InMemoryUsage } from '../../src/telemetry/usage';

/** Services plus the pieces tests inspect. */
export interface TestServices extends DialogServices {
  readonly state: BotState;
  readonly usage: InMemoryUsage;
  readonly autoSave: AutoSaveStateMiddleware;
  /** The stored user profiles (what "forget me" must delete). */
  readonly profiles: () => Array<Record<string, unknown>>;
}

const strings = new Strings();

/** Fresh state over the shared content snapshot. */
export function testServices(content: ContentSnapshot, extra: Partial<Omit<DialogServices, 'usage' | 'state'>> = {}): TestServices {
  const memory: Record<string, string> = {};
  const storage = new MemoryStorage(memory);
  const state = createBotState(storage);
  const replies = new Replies(content.catalogue, strings);
  return {
    content: () => content,
    replies: () => replies,
    strings,
    sender: new ChannelReplySender(state),
    state,
    usage: new InMemoryUsage(),
    autoSave: new AutoSaveStateMiddleware(state.conversationState, state.userState),
    profiles: () =>
      Object.entries(memory)
        .filter(([key, value]) => key.includes('/users/') && value !== undefined)
        .map(([, value]) => (JSON.parse(value) as { profile?: Record<string, unknown> }).profile ?? {}),
    ...extra,
  };
}
