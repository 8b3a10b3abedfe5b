/**
 * Commands carried by buttons. Every channel sends them back in some form (a messageBack
 * value, a card submit, a postBack text); `encodeCommand`/`decodeCommand` are the one format.
 */
import { isTopicId, type TopicId } from '../content/topics';
import { isLanguageCode, type LanguageCode } from '../language/languages';

/** What a button asks the bot to do. */
export type Command =
  | { readonly kind: 'menu' }
  | { readonly kind: 'topic'; readonly topic: TopicId }
  | { readonly kind: 'answer'; readonly answerId: string }
  | { readonly kind: 'language'; readonly language?: LanguageCode }
  | { readonly kind: 'city'; readonly city?: string }
  | { readonly kind: 'forget' }
  | { readonly kind: 'yes' }
  | { readonly kind: 'no' };

/** The prefix that marks a command in text ("cmd:topic:health"). */
export const COMMAND_PREFIX = 'cmd:';

/** Encodes a command as a short string, e.g. `cmd:topic:health`. */
export function encodeCommand(command: Command): string {
  switch (command.kind) {
    case 'topic':
      return `${COMMAND_PREFIX}topic:${command.topic}`;
    case 'answer':
      return `${COMMAND_PREFIX}answer:${command.answerId}`;
    case 'language':
      return `${COMMAND_PREFIX}language${command.language ? `:${command.language}` : ''}`;
    case 'city':
      return `${COMMAND_PREFIX}city${command.city ? `:${command.city}` : ''}`;
    default:
      return `${COMMAND_PREFIX}${command.kind}`;
  }
}

/** Decodes a string from `encodeCommand`; null for anything else (e.g. a typed question). */
export function decodeCommand(raw: unknown): Command | null {
  if (typeof raw !== 'string' || !raw.startsWith(COMMAND_PREFIX)) return null;
  const [kind, arg] = raw.slice(COMMAND_PREFIX.length).trim().split(/:(.*)/s, 2) as [string, string | undefined];
  switch (kind) {
    case 'menu':
    case 'forget':
    case 'yes':
    case 'no':
      return { kind };
    case 'topic':
      return isTopicId(arg) ? { kind, topic: arg } : null;
    case 'answer':
      return arg && /^[a-z0-9-]{1,120}$/.test(arg) ? { kind, answerId: arg } : null;
    case 'language':
      if (arg === undefined || arg === '') return { kind };
      return isLanguageCode(arg) ? { kind, language: arg } : null;
    case 'city':
      if (arg === undefined || arg === '') return { kind };
      return /^[a-z0-9-]{1,80}$/.test(arg) ? { kind, city: arg } : null;
    default:
      return null;
  }
}
