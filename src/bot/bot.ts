/**
 * The ActivityHandler: routes activities and saves state after every turn. A message from
 * someone whose language and city are known, with no dialog waiting for an answer, goes
 * straight to the MessageHandler (most turns: a topic, a question); everything else
 * (first contact, choosing a language or city, "forget me") runs the main dialog. Web Chat
 * sends a `webchat/join` event on connect (with optional language and city from the page
 * URL); other channels greet on members-added.
 */
import { ActivityHandler, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Catalogue } from '../content/catalogue';
import { isLanguageCode } from '../language/languages';
import { inputFromActivity } from './input';
import type { MessageHandler } from './message-handler';
import { type BotState, isProfileComplete } from './state';

/** The name of the event Web Chat pages send when they connect. */
export const JOIN_EVENT = 'webchat/join';

/** Runs the main dialog for a turn (MainDialog; loaded on first use, see app.ts). */
export interface DialogRunner {
  run(context: TurnContext, accessor: StatePropertyAccessor): Promise<void>;
}

/** Channels whose pages send the join event, so members-added must not greet twice. */
const JOIN_EVENT_CHANNELS = new Set(['webchat', 'directline']);

/** The bot. */
export class IncluBot extends ActivityHandler {
  constructor(
    private readonly state: BotState,
    private readonly dialog: DialogRunner,
    private readonly catalogue: () => Catalogue,
    private readonly messages: MessageHandler,
  ) {
    super();
    this.onMessage(async (context, next) => {
      if (!(await this.handleWithoutDialog(context))) await this.dialog.run(context, this.state.dialogState);
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

  /**
   * Handles an ordinary message without the dialog stack; false when the main dialog must
   * take it (a dialog is waiting, the profile is incomplete, or the message needs a dialog).
   */
  private async handleWithoutDialog(context: TurnContext): Promise<boolean> {
    const profile = await this.state.profile.get(context);
    if (!isProfileComplete(profile) || !this.catalogue().city(profile.city)) return false;
    const dialogs = (await this.state.dialogState.get(context)) as { dialogStack?: unknown[] } | undefined;
    if ((dialogs?.dialogStack?.length ?? 0) > 0) return false;
    const input = inputFromActivity(context.activity);
    const request = await this.messages.handle(context, input, { language: profile.language, city: profile.city });
    return request === null;
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
