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
import { isProfileComplete } from '../src/bot/state';
import { type Command, decodeCommand } from '../src/conversation/commands';
import type { Audience } from '../src/conversation/replies';
import { recognizeSmallNumber } from '../src/language/recognize';
import { fold } from '../src/search/analysis';
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
  constructor(private readonly services: DialogServices) {
    super(MAIN_DIALOG);
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
      if (pending) await this.answerQuestion(step.context, pending, profile);
      return step.endDialog();
    }
    const audience: Audience = { language: profile.language, city: profile.city };
    const command = values.input.command ?? (await this.commandFromText(step.context, values.input.text, audience));
    if (command) return this.runCommand(step, command, audience);
    await this.answerQuestion(step.context, values.input.text, audience);
    return step.endDialog();
  }

  /** Understands a typed number (the n-th button shown last) or a command word. */
  private async commandFromText(context: TurnContext, text: string, a: Audience): Promise<Command | null> {
    const n = recognizeSmallNumber(text, a.language, this.services.strings);
    if (n !== null) {
      const memory = await this.services.state.memory.get(context, {});
      const encoded = memory.lastButtons?.[n - 1];
      if (encoded) return decodeCommand(encoded);
    }
    const folded = fold(text)
      .replace(/[^\p{L}\p{N} ]+/gu, '')
      .trim();
    const words = (name: string) => this.services.strings.words(a.language, name).has(folded);
    if (words('menu')) return { kind: 'menu' };
    if (words('language')) return { kind: 'language' };
    if (words('city')) return { kind: 'city' };
    if (words('forget')) return { kind: 'forget' };
    return null;
  }

  private async runCommand(step: WaterfallStepContext, command: Command, a: Audience): Promise<DialogTurnResult> {
    const replies = this.services.replies();
    const send = (r: Parameters<typeof this.services.sender.send>[1]) => this.services.sender.send(step.context, r);
    switch (command.kind) {
      case 'topic':
        this.services.usage.record({ at: new Date(), city: a.city, language: a.language, kind: 'topic', topic: command.topic });
        await send(replies.topic(a, command.topic));
        break;
      case 'answer': {
        const reply = replies.answer(a, command.answerId);
        await send(reply ?? replies.menu(a));
        break;
      }
      case 'language':
        if (!command.language) return step.beginDialog(ONBOARDING_DIALOG, { askLanguage: true });
        await this.services.state.profile.set(step.context, { ...a, language: command.language });
        await send([replies.languageSet(command.language), replies.menu({ ...a, language: command.language })]);
        break;
      case 'city':
        if (!command.city || !this.services.content().catalogue.city(command.city)) {
          return step.beginDialog(ONBOARDING_DIALOG, { askCity: true });
        }
        await this.services.state.profile.set(step.context, { ...a, city: command.city });
        await send(replies.menu({ ...a, city: command.city }));
        break;
      case 'forget':
        return step.beginDialog(FORGET_DIALOG);
      default:
        await send(replies.menu(a));
    }
    return step.endDialog();
  }

  private async answerQuestion(context: TurnContext, text: string, a: Audience): Promise<void> {
    const replies = this.services.replies();
    const result = this.services.content().matcher.match({ city: a.city, text, language: a.language });
    const top = result.candidates[0];
    this.services.usage.record({
      at: new Date(),
      city: a.city,
      language: a.language,
      kind: 'question',
      outcome: result.outcome,
      topic: top?.topic ?? null,
      confidence: result.confidence,
    });
    if (result.outcome === 'answer' && top) {
      await this.services.sender.send(context, replies.answer(a, top.answerId) ?? replies.fallback(a));
      return;
    }
    this.services.usage.unanswered({ at: new Date(), city: a.city, language: a.language, outcome: result.outcome, rawText: text });
    if (result.outcome === 'clarify') await this.services.sender.send(context, replies.clarify(a, result.candidates));
    else await this.services.sender.send(context, replies.fallback(a));
  }

  /** After a child dialog started by a command (language, city, forget me). */
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ForgetResult | OnboardingResult | undefined;
    if (result && 'pendingQuestion' in result && result.pendingQuestion) {
      const profile = await this.services.state.profile.get(step.context, {});
      if (isProfileComplete(profile)) await this.answerQuestion(step.context, result.pendingQuestion, profile);
    }
    return step.endDialog();
  }
}
