/**
 * A prompt that waits for the user's next message and returns it as a `UserInput`
 * (button command or typed text). Sending the question is left to the caller, which
 * renders it per channel; a validator may send its own retry message.
 */
import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { inputFromActivity, type UserInput } from '../src/bot/input';

/** Waits for one message. */
export class InputPrompt extends Prompt<UserInput> {
  constructor(dialogId: string, validator?: PromptValidator<UserInput>) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<UserInput>> {
    const activity = context.activity;
    if (activity.type !== 'message') return { succeeded: false };
    const input = inputFromActivity(activity);
    return input.command || input.text ? { succeeded: true, value: input } : { succeeded: false };
  }
}
