/**
 * What the bot remembers. Privacy by default (DESIGN.md decision 7): per user only the
 * language and city they chose; per conversation only the buttons shown last, so that a
 * typed number can pick one. Nothing the user wrote is kept in state.
 */
import type { ConversationState, StatePropertyAccessor, Storage, UserState } from 'botbuilder';
import { isLanguageCode, type LanguageCode } from '../language/languages';
import { TrackedConversationState, TrackedUserState } from './tracked-state';

/** The user's choices. */
export interface UserProfile {
  language?: LanguageCode;
  city?: string;
}

/** Per-conversation memory. */
export interface ConversationMemory {
  /** Encoded commands of the buttons shown last, in order (typing "3" picks the third). */
  lastButtons?: string[];
}

/** The state accessors the bot and dialogs share. */
export interface BotState {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly profile: StatePropertyAccessor<UserProfile>;
  readonly memory: StatePropertyAccessor<ConversationMemory>;
  readonly dialogState: StatePropertyAccessor;
}

/** Creates user and conversation state on a storage (with cheap change tracking), and their accessors. */
export function createBotState(storage: Storage): BotState {
  const conversationState = new TrackedConversationState(storage);
  const userState = new TrackedUserState(storage);
  return {
    conversationState,
    userState,
    profile: userState.createProperty<UserProfile>('profile'),
    memory: conversationState.createProperty<ConversationMemory>('memory'),
    dialogState: conversationState.createProperty('dialogState'),
  };
}

/** True when both language and city are known. */
export function isProfileComplete(p: UserProfile | undefined): p is Required<UserProfile> {
  return !!p && isLanguageCode(p.language) && typeof p.city === 'string';
}
