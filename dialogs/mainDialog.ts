/**
 * The root dialog, one turn at a time: make sure language and city are known, then answer
 * whatever came: a topic button, a clarification choice, a typed number, a command word, or
 * a free-text question for the matcher. It ends after each message; only onboarding and
 * "forget me" span several turns, as child dialogs (no waiting prompt in between keeps every
 * ordinary turn short).
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  type DialogContext,
  DialogSet,
  type DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { inputFromActivity, type UserInput } from '../src/bot/input';
import { MessageHandler } from '../src/bot/message-handler';
import { isProfileComplete } from '../src/bot/state';
import type { Audience } from '../src/conversation/replies';
import { FORGET_DIALOG, ForgetDialog, type ForgetResult } from './forgetDialog';
import { ONBOARDING_DIALOG, OnboardingDialog, type OnboardingResult } from './onboardingDialog';
import type { DialogServices } from './services';

/** Dialog id. */
export const MAIN_DIALOG = 'mainDialog';
const STEPS = 'mainSteps';

/** Values kept between the steps. */
interface StepValues {
  /** The message to handle, when language and city were already known. */
  input?: UserInput;
  /** A question typed before onboarding, answered after it. */
  pendingText?: string;
}

/** The root dialog. */
export class MainDialog extends ComponentDialog {
  private readonly messages: MessageHandler;

  /** @param messages the bot's handler of single-turn messages (one is made if not given). */
  constructor(
    private readonly services: DialogServices,
    messages?: MessageHandler,
  ) {
    super(MAIN_DIALOG);
    this.messages = messages ?? new MessageHandler(services);
    this.addDialog(new OnboardingDialog(services));
    this.addDialog(new ForgetDialog(services));
    this.addDialog(
      new WaterfallDialog(STEPS, [(step) => this.ensureProfile(step), (step) => this.handle(step), (step) => this.finish(step)]),
    );
    this.initialDialogId = STEPS;
  }

  /**
   * Runs the dialog for one turn: continues the active dialog, or starts the loop.
   * (The shape of BotBuilder samples' `MainDialog.run`.)
   */
  async run(context: TurnContext, accessor: StatePropertyAccessor): Promise<void> {
    if (this.dialogSet?.accessor !== accessor) {
      const dialogs = new DialogSet(accessor);
      dialogs.add(this);
      this.dialogSet = { accessor, dialogs };
    }
    const dc: DialogContext = await this.dialogSet.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** The dialog set over this dialog, built once per state accessor (it holds no turn data). */
  private dialogSet: { accessor: StatePropertyAccessor; dialogs: DialogSet } | null = null;

  private async ensureProfile(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const activity = step.context.activity;
    const isMessage = activity.type === 'message';
    const values = step.values as StepValues;
    const profile = await this.services.state.profile.get(step.context, {});
    if (isProfileComplete(profile) && this.services.content().catalogue.city(profile.city)) {
      if (isMessage) {
        values.input = inputFromActivity(activity);
        return step.next();
      }
      // A join event or a new member: the menu is the greeting of someone we know.
      await this.services.sender.send(step.context, this.services.replies().menu(profile));
      return step.endDialog();
    }
    // A question typed before onboarding is answered after it.
    if (isMessage) {
      const input = inputFromActivity(activity);
      if (!input.command && input.text.split(/\s+/).length >= 2) values.pendingText = input.text;
    }
    return step.beginDialog(ONBOARDING_DIALOG, {});
  }

  private async handle(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as StepValues;
    const profile = await this.services.state.profile.get(step.context, {});
    if (!isProfileComplete(profile)) return step.endDialog();
    if (!values.input) {
      // Back from onboarding: answer the question that started it, if any.
      const pending = (step.result as OnboardingResult | undefined)?.pendingQuestion ?? values.pendingText;
      if (pending) await this.messages.answerQuestion(step.context, pending, profile);
      return step.endDialog();
    }
    const audience: Audience = { language: profile.language, city: profile.city };
    const request = await this.messages.handle(step.context, values.input, audience);
    if (!request) return step.endDialog();
    return request.dialog === 'forget' ? step.beginDialog(FORGET_DIALOG) : step.beginDialog(ONBOARDING_DIALOG, request.options);
  }

  /** After a child dialog started by a command (language, city, forget me). */
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ForgetResult | OnboardingResult | undefined;
    if (result && 'pendingQuestion' in result && result.pendingQuestion) {
      const profile = await this.services.state.profile.get(step.context, {});
      if (isProfileComplete(profile)) await this.messages.answerQuestion(step.context, result.pendingQuestion, profile);
    }
    return step.endDialog();
  }
}
