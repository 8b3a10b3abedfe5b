/**
 * First contact: the user picks a language, then a city, with buttons (or by typing a name
 * or a number). Either step is skipped when already known, unless the caller asks again.
 */
import {
  ComponentDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { UserInput } from '../src/bot/input';
import { channelLanguage } from '../src/bot/input';
import type { Command } from '../src/conversation/commands';
import { detectLanguage } from '../src/language/detect';
import { LANGUAGE_CODES, type LanguageCode, languageInfo } from '../src/language/languages';
import { type NamedOption, recognizeOption } from '../src/language/recognize';
import { InputPrompt } from './inputPrompt';
import type { DialogServices } from './services';

/** Dialog id. */
export const ONBOARDING_DIALOG = 'onboardingDialog';
const LANGUAGE_PROMPT = 'onboardingLanguagePrompt';
const CITY_PROMPT = 'onboardingCityPrompt';
const STEPS = 'onboardingSteps';

/** What the caller wants asked. */
export interface OnboardingOptions {
  readonly askLanguage?: boolean;
  readonly askCity?: boolean;
}

/** What onboarding returns. */
export interface OnboardingResult {
  /** A question the user typed instead of choosing, to answer once set up. */
  readonly pendingQuestion?: string;
}

/** Minimum words and detection confidence to take a typed sentence as a language choice. */
const SENTENCE_WORDS = 2;
const SENTENCE_CONFIDENCE = 0.7;

/** Asks for language and city. */
export class OnboardingDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(ONBOARDING_DIALOG);
    this.addDialog(new InputPrompt(LANGUAGE_PROMPT, (p) => this.validateLanguage(p)));
    this.addDialog(new InputPrompt(CITY_PROMPT, (p) => this.validateCity(p)));
    this.addDialog(
      new WaterfallDialog(STEPS, [(step) => this.askLanguage(step), (step) => this.askCity(step), (step) => this.finish(step)]),
    );
    this.initialDialogId = STEPS;
  }

  private languageOptions(): NamedOption<LanguageCode>[] {
    return LANGUAGE_CODES.map((code) => {
      const info = languageInfo(code);
      return { value: code, names: [info.nativeName, info.englishName, code] };
    });
  }

  /** The language to greet in before the user has chosen: the channel's, else English. */
  private greetingLanguage(step: WaterfallStepContext): LanguageCode {
    return channelLanguage(step.context.activity) ?? 'en';
  }

  private async askLanguage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as OnboardingOptions;
    const profile = await this.services.state.profile.get(step.context, {});
    if (profile.language && !options.askLanguage) return step.next(profile.language);
    await this.services.sender.send(step.context, this.services.replies().chooseLanguage(profile.language ?? this.greetingLanguage(step)));
    return step.prompt(LANGUAGE_PROMPT, {});
  }

  private chosenLanguage(input: UserInput, lang: LanguageCode): { language: LanguageCode; pending?: string } | null {
    const command: Command | null = input.command;
    if (command?.kind === 'language' && command.language) return { language: command.language };
    if (command) return null;
    const byName = recognizeOption(input.text, this.languageOptions(), lang, this.services.strings);
    if (byName) return { language: byName };
    // Someone who types a question instead of choosing has told us their language.
    const words = input.text.split(/\s+/).filter(Boolean).length;
    const detected = detectLanguage(input.text)[0];
    if (words >= SENTENCE_WORDS && detected && detected.confidence >= SENTENCE_CONFIDENCE) {
      return { language: detected.language, pending: input.text };
    }
    return null;
  }

  private async validateLanguage(prompt: PromptValidatorContext<UserInput>): Promise<boolean> {
    const input = prompt.recognized.value;
    const lang = channelLanguage(prompt.context.activity) ?? 'en';
    if (input && this.chosenLanguage(input, lang)) return true;
    await this.services.sender.send(prompt.context, this.services.replies().chooseLanguage(lang));
    return false;
  }

  private async askCity(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as OnboardingOptions;
    const profile = await this.services.state.profile.get(step.context, {});
    const result = step.result as LanguageCode | UserInput;
    if (typeof result === 'string') {
      profile.language = result;
    } else {
      const chosen = this.chosenLanguage(result, profile.language ?? 'en');
      if (chosen) {
        profile.language = chosen.language;
        if (chosen.pending) (step.values as { pending?: string }).pending = chosen.pending;
      }
    }
    const lang = profile.language ?? 'en';
    await this.services.state.profile.set(step.context, profile);
    if (options.askLanguage && !options.askCity && profile.city) {
      await this.services.sender.send(step.context, this.services.replies().languageSet(lang));
      return step.next(profile.city);
    }
    const catalogue = this.services.content().catalogue;
    if (profile.city && catalogue.city(profile.city) && !options.askCity) return step.next(profile.city);
    const only = catalogue.cities.length === 1 ? catalogue.cities[0]?.id : undefined;
    const preset = this.services.defaultCity && catalogue.city(this.services.defaultCity) ? this.services.defaultCity : only;
    if (preset && !options.askCity) return step.next(preset);
    await this.services.sender.send(step.context, this.services.replies().chooseCity(lang));
    return step.prompt(CITY_PROMPT, {});
  }

  private cityFrom(input: UserInput, lang: LanguageCode): string | null {
    const catalogue = this.services.content().catalogue;
    if (input.command?.kind === 'city' && input.command.city) return catalogue.city(input.command.city) ? input.command.city : null;
    if (input.command) return null;
    const options = catalogue.cities.map((c) => ({ value: c.id, names: [c.id, ...Object.values(c.name)] }));
    return recognizeOption(input.text, options, lang, this.services.strings);
  }

  private async validateCity(prompt: PromptValidatorContext<UserInput>): Promise<boolean> {
    const profile = await this.services.state.profile.get(prompt.context, {});
    const lang = profile.language ?? 'en';
    const input = prompt.recognized.value;
    if (input && this.cityFrom(input, lang)) return true;
    const replies = this.services.replies();
    await this.services.sender.send(prompt.context, [replies.say(lang, 'settings.unknownChoice'), replies.chooseCity(lang)]);
    return false;
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.services.state.profile.get(step.context, {});
    const lang = profile.language ?? 'en';
    const result = step.result as string | UserInput;
    const city = typeof result === 'string' ? result : this.cityFrom(result, lang);
    if (city) profile.city = city;
    await this.services.state.profile.set(step.context, profile);
    const pending = (step.values as { pending?: string }).pending;
    const replies = this.services.replies();
    if (profile.city && !pending) {
      const t = this.services.strings.for(lang);
      await this.services.sender.send(step.context, replies.menu({ language: lang, city: profile.city }, t('welcome.ready')));
    }
    const out: OnboardingResult = pending ? { pendingQuestion: pending } : {};
    return step.endDialog(out);
  }
}
