/**
 * Anonymous usage events: which outcome, which topic, which language and city, never who
 * or what they wrote. Questions the bot could not answer are kept, redacted, for staff.
 */
import type { LanguageCode } from '../language/languages';
import type { Outcome } from '../search/matcher';
import { redact } from './redact';

/** One anonymous event. */
export interface UsageEvent {
  readonly at: Date;
  readonly city: string;
  readonly language: LanguageCode;
  readonly kind: 'topic' | 'question';
  readonly outcome?: Outcome;
  readonly topic?: string | null;
  readonly confidence?: number;
}

/** A question the bot could not answer, redacted. */
export interface UnansweredQuestion {
  readonly at: Date;
  readonly city: string;
  readonly language: LanguageCode;
  readonly text: string;
  readonly outcome: Outcome;
}

/** Where usage goes; the MongoDB store implements it too. */
export interface UsageEvents {
  record(event: UsageEvent): void;
  /** Keeps a question for staff; implementations must store only the redacted text. */
  unanswered(question: Omit<UnansweredQuestion, 'text'> & { rawText: string }): void;
}

/** Keeps the most recent events and questions in memory (the embedded default). */
export class InMemoryUsage implements UsageEvents {
  readonly events: UsageEvent[] = [];
  readonly questions: UnansweredQuestion[] = [];

  /** @param limit how many of each are kept; the oldest half goes when it is reached. */
  constructor(private readonly limit = 10_000) {}

  private static keep<T>(list: T[], item: T, limit: number): void {
    list.push(item);
    // Dropping half at once keeps the cost per event constant.
    if (list.length > limit) list.splice(0, list.length - Math.floor(limit / 2));
  }

  record(event: UsageEvent): void {
    InMemoryUsage.keep(this.events, event, this.limit);
  }

  unanswered(q: Omit<UnansweredQuestion, 'text'> & { rawText: string }): void {
    const { rawText, ...rest } = q;
    InMemoryUsage.keep(this.questions, { ...rest, text: redact(rawText).slice(0, 500) }, this.limit);
  }
}
