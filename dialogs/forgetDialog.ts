/**
 * "Forget me": asks for confirmation, then deletes everything stored about the user
 * (their language and city) and this conversation's memory.
 */
import { ComponentDialog, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { UserInput } from '../src/bot/input';
import { recognizeYesNo } from '../src/language/recognize';
import { InputPrompt } from './inputPrompt';
import type { DialogServices } from './services';

/** Dialog id. */
export const FORGET_DIALOG = 'forgetDialog';
const CONFIRM_PROMPT = 'forgetConfirmPrompt';
const STEPS = 'forgetSteps';

/** What the forget dialog returns. */
export interface ForgetResult {
  readonly forgotten: boolean;
}

/** Confirms and forgets. */
export class ForgetDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(FORGET_DIALOG);
    this.addDialog(new InputPrompt(CONFIRM_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.confirm(step), (step) => this.act(step)]));
    this.initialDialogId = STEPS;
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.services.state.profile.get(step.context, {});
    await this.services.sender.send(step.context, this.services.replies().forgetConfirm(profile.language ?? 'en'));
    return step.prompt(CONFIRM_PROMPT, {});
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.services.state.profile.get(step.context, {});
    const lang = profile.language ?? 'en';
    const input = step.result as UserInput;
    const yes = input.command?.kind === 'yes' || (!input.command && recognizeYesNo(input.text, lang, this.services.strings) === true);
    const replies = this.services.replies();
    if (!yes) {
      await this.services.sender.send(step.context, replies.say(lang, 'settings.forgetCancelled'));
      return step.endDialog({ forgotten: false } satisfies ForgetResult);
    }
    // Everything stored about the user goes, not just the fields we know of today.
    await this.services.state.userState.delete(step.context);
    await this.services.state.memory.delete(step.context);
    await this.services.sender.send(step.context, replies.say(lang, 'settings.forgetDone'));
    return step.endDialog({ forgotten: true } satisfies ForgetResult);
  }
}
