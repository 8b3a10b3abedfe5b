/**
 * The ActivityHandler: routes activities to the main dialog and saves state after every
 * turn. Web Chat sends a `webchat/join` event on connect (with optional language and city
 * from the page URL); other channels greet on members-added.
 */
import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { MainDialog } from '../../dialogs/mainDialog';
import type { Catalogue } from '../content/catalogue';
import { isLanguageCode } from '../language/languages';
import type { BotState } from './state';

/** The name of the event Web Chat pages send when they connect. */
export const JOIN_EVENT = 'webchat/join';

/** Channels whose pages send the join event, so members-added must not greet twice. */
const JOIN_EVENT_CHANNELS = new Set(['webchat', 'directline']);

/** The bot. */
export class IncluBot extends ActivityHandler {
  constructor(
    private readonly state: BotState,
    private readonly dialog: MainDialog,
    private readonly catalogue: () => Catalogue,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.dialog.run(context, this.state.dialogState);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === JOIN_EVENT) {
        await this.applyJoinParameters(context);
        await this.dialog.run(context, this.state.dialogState);
      }
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const humans = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (humans.length > 0 && !JOIN_EVENT_CHANNELS.has(context.activity.channelId)) {
        await this.dialog.run(context, this.state.dialogState);
      }
      await next();
    });
  }

  /** Takes language and city from the join event when they are valid (ignored otherwise). */
  private async applyJoinParameters(context: TurnContext): Promise<void> {
    const value = (context.activity.value ?? {}) as { language?: unknown; city?: unknown };
    const profile = await this.state.profile.get(context, {});
    if (isLanguageCode(value.language)) profile.language = value.language;
    if (typeof value.city === 'string' && this.catalogue().city(value.city)) profile.city = value.city;
    await this.state.profile.set(context, profile);
  }

  /** Runs the turn, then saves state even when the handler threw. */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      await this.state.conversationState.saveChanges(context, false);
      await this.state.userState.saveChanges(context, false);
    }
  }
}
