/**
 * The small interfaces the dialogs use. Dialogs never reach for globals: the bot hands
 * them these services, and tests hand them their own.
 */

import type { ReplySender } from '../src/bot/sender';
import type { BotState } from '../src/bot/state';
import type { ContentSnapshot } from '../src/content/services';
import type { Replies } from '../src/conversation/replies';
import type { Strings } from '../src/language/i18n';
import type { UsageEvents } from '../src/telemetry/usage';

/** What every dialog needs. */
export interface DialogServices {
  /** The current content snapshot (it changes when content is edited). */
  readonly content: () => ContentSnapshot;
  /** Reply builders for the current snapshot. */
  readonly replies: () => Replies;
  readonly strings: Strings;
  readonly sender: ReplySender;
  readonly state: BotState;
  readonly usage: UsageEvents;
  /** The city new users get without being asked, if configured. */
  readonly defaultCity?: string;
}
