/**
 * The adapter's onTurnError: log without message text, apologise in the user's language
 * with the emergency number, never show a stack trace, and clear the broken dialog state.
 */
import type { TurnContext } from 'botbuilder';
import { rendererFor } from '../channels/renderers';
import type { Logger } from '../config/logger';
import type { Catalogue } from '../content/catalogue';
import { Replies } from '../conversation/replies';
import type { Strings } from '../language/i18n';
import type { BotState } from './state';

/** Builds the error handler. */
export function createTurnErrorHandler(deps: {
  logger: Logger;
  state: BotState;
  strings: Strings;
  catalogue: () => Catalogue;
}): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    deps.logger.error(
      {
        err: { type: error.name, message: error.message, stack: error.stack },
        channelId: context.activity.channelId,
        activityType: context.activity.type,
      },
      'turn failed',
    );
    try {
      const profile = await deps.state.profile.get(context, {});
      const catalogue = deps.catalogue();
      const number = (profile.city && catalogue.city(profile.city)?.emergencyNumber) || '112';
      const reply = new Replies(catalogue, deps.strings).error(profile.language ?? 'en', number);
      await context.sendActivities(rendererFor(context.activity.channelId)(reply));
      await deps.state.conversationState.delete(context);
    } catch (inner) {
      deps.logger.error({ err: { message: (inner as Error).message } }, 'could not report the turn error to the user');
    }
  };
}
