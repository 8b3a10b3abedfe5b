/**
 * Channel-neutral replies (DESIGN.md decision 4). The conversation decides what to say;
 * a renderer per channel decides how it looks there.
 */
import type { LanguageCode } from '../language/languages';
import type { Command } from './commands';

/** A button that sends a command back. */
export interface ReplyButton {
  readonly label: string;
  readonly command: Command;
}

/** A link: a web page, or a phone number (`tel:`). */
export interface ReplyLink {
  readonly label: string;
  readonly url: string;
}

/** One message to the user. */
export interface Reply {
  /**
   * The text, in a small markdown subset every renderer understands: paragraphs separated
   * by blank lines, "- " bullets, **bold**, _italic_ and [label](url) links.
   */
  readonly text: string;
  readonly buttons: readonly ReplyButton[];
  readonly links: readonly ReplyLink[];
  readonly language: LanguageCode;
  readonly direction: 'ltr' | 'rtl';
}
