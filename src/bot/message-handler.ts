/**
 * Handles one message from someone whose language and city are known: a topic button, a
 * clarification choice, a typed number, a command word, or a free-text question for the
 * matcher. Most turns are exactly this, so it runs on its own, without the dialog stack;
 * only the commands that need several turns (choose a language or city, "forget me") hand
 * over to a child dialog, which the caller starts.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogServices } from '../../dialogs/services';
import { type Command, decodeCommand } from '../conversation/commands';
import type { Audience } from '../conversation/replies';
import { recognizeSmallNumber, wordCount } from '../language/recognize';
import { fold } from '../search/analysis';
import type { UserInput } from './input';

/** A multi-turn conversation a command needs; the caller starts the matching dialog. */
export type DialogRequest =
  | { readonly dialog: 'onboarding'; readonly options: { readonly askLanguage?: boolean; readonly askCity?: boolean } }
  | { readonly dialog: 'forget' };

/** Answers single-turn messages. */
export class MessageHandler {
  constructor(private readonly services: DialogServices) {}

  /**
   * Handles the input and sends the replies, or returns the dialog it needs without sending
   * anything (so the dialog can be started on the same input).
   */
  async handle(context: TurnContext, input: UserInput, a: Audience): Promise<DialogRequest | null> {
    const command = input.command ?? (await this.commandFromText(context, input.text, a));
    if (!command) {
      await this.answerQuestion(context, input.text, a);
      return null;
    }
    const request = this.dialogFor(command);
    if (request) return request;
    await this.runCommand(context, command, a);
    return null;
  }

  /** The dialog a command needs, if it cannot be done in this turn. */
  private dialogFor(command: Command): DialogRequest | null {
    if (command.kind === 'forget') return { dialog: 'forget' };
    if (command.kind === 'language' && !command.language) return { dialog: 'onboarding', options: { askLanguage: true } };
    if (command.kind === 'city' && (!command.city || !this.services.content().catalogue.city(command.city))) {
      return { dialog: 'onboarding', options: { askCity: true } };
    }
    return null;
  }

  /** Understands a typed number (the n-th button shown last) or a command word. */
  private async commandFromText(context: TurnContext, text: string, a: Audience): Promise<Command | null> {
    const n = recognizeSmallNumber(text, a.language, this.services.strings);
    if (n !== null) {
      const memory = await this.services.state.memory.get(context, {});
      const encoded = memory.lastButtons?.[n - 1];
      if (encoded) return decodeCommand(encoded);
    }
    // Command words are a few words at most; a longer text is a question.
    if (text.length > 40 || wordCount(text) > 4) return null;
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

  /** Runs a single-turn command (`dialogFor` returned null for it). */
  private async runCommand(context: TurnContext, command: Command, a: Audience): Promise<void> {
    const replies = this.services.replies();
    const send = (r: Parameters<typeof this.services.sender.send>[1]) => this.services.sender.send(context, r);
    switch (command.kind) {
      case 'topic':
        this.services.usage.record({ at: new Date(), city: a.city, language: a.language, kind: 'topic', topic: command.topic });
        await send(replies.topic(a, command.topic));
        return;
      case 'answer':
        await send(replies.answer(a, command.answerId) ?? replies.menu(a));
        return;
      case 'language':
        if (command.language) {
          await this.services.state.profile.set(context, { ...a, language: command.language });
          await send([replies.languageSet(command.language), replies.menu({ ...a, language: command.language })]);
          return;
        }
        break;
      case 'city':
        if (command.city) {
          await this.services.state.profile.set(context, { ...a, city: command.city });
          await send(replies.menu({ ...a, city: command.city }));
          return;
        }
        break;
      default:
        break;
    }
    await send(replies.menu(a));
  }

  /** Matches a free-text question and sends the answer, the candidates, or the honest fallback. */
  async answerQuestion(context: TurnContext, text: string, a: Audience): Promise<void> {
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
}
