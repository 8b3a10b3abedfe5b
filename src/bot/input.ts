/**
 * Reads what the user did from an activity, whatever the channel: a button's command
 * (messageBack value, Teams card submit, postBack text) or typed text.
 */
import type { Activity } from 'botbuilder';
import { type Command, decodeCommand } from '../conversation/commands';
import { type LanguageCode, languageFromLocale } from '../language/languages';

/** One user input. */
export interface UserInput {
  /** The command of a pressed button, if any. */
  readonly command: Command | null;
  /** The typed text (empty for a pure button press). */
  readonly text: string;
}

/** Extracts the input from a message activity. */
export function inputFromActivity(activity: Partial<Activity>): UserInput {
  const value = activity.value as { command?: unknown } | string | undefined;
  const fromValue = typeof value === 'string' ? decodeCommand(value) : decodeCommand(value?.command);
  const text = (activity.text ?? '').trim();
  const command = fromValue ?? decodeCommand(text);
  return { command, text: command && text.startsWith('cmd:') ? '' : text };
}

/**
 * The language the channel tells us about: the activity's locale, or for Telegram the
 * user's app language, which only arrives in channelData (from.language_code).
 */
export function channelLanguage(activity: Partial<Activity>): LanguageCode | null {
  const telegram = activity.channelData as
    | { message?: { from?: { language_code?: string } }; callback_query?: { from?: { language_code?: string } } }
    | undefined;
  const fromTelegram = telegram?.message?.from?.language_code ?? telegram?.callback_query?.from?.language_code;
  return languageFromLocale(fromTelegram) ?? languageFromLocale(activity.locale);
}
