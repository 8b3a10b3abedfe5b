/**
 * The conversation's loop: make sure language and city are known, then answer whatever
 * comes: a topic button, a clarification choice, a typed number, a command word, or a
 * free-text question for the matcher.
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
import { InputPrompt } from './inputPrompt';
import { ONBOARDING_DIALOG, OnboardingDialog, type OnboardingResult } from './onboardingDialog';
import type { DialogServices } from './services';

/** Dialog id. */
export const MAIN_DIALOG = 'mainDialog';
const LOOP = 'mainLoop';
const INPUT_PROMPT = 'mainInputPrompt';

/** Options the loop passes to itself. */
/** Values kept between the steps of one loop. */
interface LoopValues {
  /** The message that started the loop, to handle without waiting. */
  input?: UserInput;
  /** A question typed before onboarding, answered after it. */
  pendingText?: string;
}

interface MainOptions {
  /** True when the loop restarts after handling a message (the message is consumed). */
  readonly looped?: boolean;
}

/** The root dialog. */
export class MainDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(MAIN_DIALOG);
    this.addDialog(new OnboardingDialog(services));
    this.addDialog(new ForgetDialog(services));
    this.addDialog(new InputPrompt(INPUT_PROMPT));
    this.addDialog(
      new WaterfallDialog(LOOP, [
        (step) => this.ensureProfile(step),
        (step) => this.listen(step),
        (step) => this.handle(step),
        (step) => this.loop(step),
      ]),
    );
    this.initialDialogId = LOOP;
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
    const options = (step.options ?? {}) as MainOptions;
    const activity = step.context.activity;
    const fresh = !options.looped && activity.type === 'message';
    const profile = await this.services.state.profile.get(step.context, {});
    if (isProfileComplete(profile) && this.services.content().catalogue.city(profile.city)) {
      // A first message from a known user is handled right away; a join event shows the menu.
      if (fresh) (step.values as LoopValues).input = inputFromActivity(activity);
      else if (!options.looped) await this.services.sender.send(step.context, this.services.replies().menu(profile));
      return step.next();
    }
    // A question typed before onboarding is answered after it.
    if (fresh) {
      const input = inputFromActivity(activity);
      if (!input.command && input.text.split(/\s+/).length >= 2) (step.values as LoopValues).pendingText = input.text;
    }
    return step.beginDialog(ONBOARDING_DIALOG, {});
  }

  private async listen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const onboarding = step.result as OnboardingResult | undefined;
    const pending = onboarding?.pendingQuestion ?? (step.values as LoopValues).pendingText;
    if (pending && (await this.profileComplete(step.context))) {
      return step.next({ command: null, text: pending } satisfies UserInput);
    }
    const values = step.values as LoopValues;
    if (values.input) return step.next(values.input);
    return step.prompt(INPUT_PROMPT, {});
  }

  private async profileComplete(context: TurnContext): Promise<boolean> {
    return isProfileComplete(await this.services.state.profile.get(context, {}));
  }

  private async handle(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const input = step.result as UserInput;
    const profile = await this.services.state.profile.get(step.context, {});
    if (!isProfileComplete(profile)) return step.next();
    const audience: Audience = { language: profile.language, city: profile.city };
    const command = input.command ?? (await this.commandFromText(step.context, input.text, audience));
    if (command) return this.runCommand(step, command, audience);
    await this.answerQuestion(step.context, input.text, audience);
    return step.next();
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
    return step.next();
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

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ForgetResult | OnboardingResult | undefined;
    if (result && 'forgotten' in result && result.forgotten) return step.endDialog();
    if (result && 'pendingQuestion' in result && result.pendingQuestion) {
      const profile = await this.services.state.profile.get(step.context, {});
      if (isProfileComplete(profile)) await this.answerQuestion(step.context, result.pendingQuestion, profile);
    }
    return step.replaceDialog(LOOP, { looped: true } satisfies MainOptions);
  }
}
