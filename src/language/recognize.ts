/**
 * Understanding short answers to a question: a number ("3", "three", "три"), yes or no,
 * or one of the offered options by name.
 *
 * @microsoft/recognizers-text has Number models only for en, es, fr and yes/no models only
 * for en, es, fr, nl; for any other culture it silently answers in English. So it is used
 * only where the language table names a culture, and otherwise we fall back to digits and
 * the localized word lists in locales/<lang>/translation.json (`words.*`).
 */
import type * as RecognizersSuite from '@microsoft/recognizers-text-suite';
import { fold } from '../search/analysis';
import type { Strings } from './i18n';
import { type LanguageCode, languageInfo } from './languages';

let suite: typeof RecognizersSuite | null = null;

/** The recognizers suite, loaded on first use: it is large, and most turns never need it. */
function recognizers(): typeof RecognizersSuite {
  suite ??= require('@microsoft/recognizers-text-suite') as typeof RecognizersSuite;
  return suite;
}

/** The number of space-separated words (cheaper than folding a long question first). */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Reads a small whole number (1..99) from the text, or null. */
export function recognizeSmallNumber(text: string, lang: LanguageCode, strings: Strings): number | null {
  // A choice is one to three short words; longer texts are questions (and not worth folding).
  if (text.length > 40 || wordCount(text) > 3) return null;
  const folded = fold(text)
    .trim()
    .replace(/[.!?)]+$/, '');
  const digits = /^#?(\d{1,2})$/.exec(folded);
  if (digits) return Number(digits[1]);
  if (folded.length > 30) return null;
  const words = strings.numberWords(lang);
  const index = words.indexOf(folded);
  if (index >= 0) return index + 1;
  const english = strings.numberWords('en').indexOf(folded);
  if (english >= 0) return english + 1;
  // Digits with words around them ("number 3", "the 3rd", "nº 3"): the recognizer's model
  // reads these where one exists. It costs milliseconds, so only texts with a digit get it.
  if (!/\d/.test(folded)) return null;
  const culture = languageInfo(lang).numberCulture;
  if (culture) {
    const found = recognizers().recognizeNumber(text, culture).concat(recognizers().recognizeOrdinal(text, culture));
    const first = found[0];
    const n = first ? Number((first.resolution as { value?: string }).value) : Number.NaN;
    return Number.isInteger(n) && n > 0 && n < 100 ? n : null;
  }
  // No model for this language (the library would answer in English): the one number written in digits.
  const numbers = folded.match(/\d+/g) ?? [];
  const only = numbers.length === 1 ? Number(numbers[0]) : Number.NaN;
  return only > 0 && only < 100 ? only : null;
}

/** Reads yes (true), no (false) or neither (null). */
export function recognizeYesNo(text: string, lang: LanguageCode, strings: Strings): boolean | null {
  const folded = fold(text)
    .trim()
    .replace(/[.!?]+$/, '');
  if (strings.words(lang, 'yes').has(folded)) return true;
  if (strings.words(lang, 'no').has(folded)) return false;
  const culture = languageInfo(lang).choiceCulture;
  if (culture) {
    const found = recognizers().recognizeBoolean(text, culture);
    const value = (found[0]?.resolution as { value?: boolean } | undefined)?.value;
    if (typeof value === 'boolean') return value;
  }
  return null;
}

/** An option the user can pick, with the names it may be called by. */
export interface NamedOption<T> {
  readonly value: T;
  readonly names: readonly string[];
}

/**
 * Picks an option from a typed answer: by position ("2", "two"), or by one of its names
 * (case, accents and surrounding punctuation ignored). Null when unclear.
 */
export function recognizeOption<T>(text: string, options: readonly NamedOption<T>[], lang: LanguageCode, strings: Strings): T | null {
  const n = recognizeSmallNumber(text, lang, strings);
  if (n !== null && n >= 1 && n <= options.length) return (options[n - 1] as NamedOption<T>).value;
  const folded = fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (folded.length === 0) return null;
  for (const option of options) {
    for (const name of option.names) {
      if (
        fold(name)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim() === folded
      )
        return option.value;
    }
  }
  return null;
}
