/**
 * The one table of supported languages (DESIGN.md decision 5). Adding a language means
 * adding a row here, a `locales/<code>/translation.json`, and translations in content/.
 */

/** ISO 639-1 codes of every language the bot speaks, in menu order. */
export const LANGUAGE_CODES = ['en', 'fr', 'nl', 'es', 'it', 'el', 'lv', 'ar', 'uk', 'ru', 'fa', 'tr'] as const;

/** A supported language code. */
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** Stemmer modules from `@orama/stemmers`, by the name under which the package exports them. */
export type StemmerName = 'english' | 'french' | 'dutch' | 'spanish' | 'italian' | 'greek' | 'arabic' | 'ukrainian' | 'russian' | 'turkish';

/** Everything the bot needs to know about one language. */
export interface LanguageInfo {
  readonly code: LanguageCode;
  /** The language's name in itself, shown on the language buttons. */
  readonly nativeName: string;
  /** The language's name in English, for staff tools and logs. */
  readonly englishName: string;
  readonly direction: 'ltr' | 'rtl';
  /**
   * Culture for @microsoft/recognizers-text, or null where the library has no model:
   * it would silently fall back to English there, so we use our own fallbacks instead.
   */
  readonly numberCulture: string | null;
  /** Culture for the yes/no Choice recognizer, or null where the library has none. */
  readonly choiceCulture: string | null;
  /** Snowball-style stemmer, or null where none exists in @orama/stemmers (lv, fa). */
  readonly stemmer: StemmerName | null;
}

const table: readonly LanguageInfo[] = [
  {
    code: 'en',
    nativeName: 'English',
    englishName: 'English',
    direction: 'ltr',
    numberCulture: 'en-us',
    choiceCulture: 'en-us',
    stemmer: 'english',
  },
  {
    code: 'fr',
    nativeName: 'Français',
    englishName: 'French',
    direction: 'ltr',
    numberCulture: 'fr-fr',
    choiceCulture: 'fr-fr',
    stemmer: 'french',
  },
  {
    code: 'nl',
    nativeName: 'Nederlands',
    englishName: 'Dutch',
    direction: 'ltr',
    numberCulture: null,
    choiceCulture: 'nl-nl',
    stemmer: 'dutch',
  },
  {
    code: 'es',
    nativeName: 'Español',
    englishName: 'Spanish',
    direction: 'ltr',
    numberCulture: 'es-es',
    choiceCulture: 'es-es',
    stemmer: 'spanish',
  },
  {
    code: 'it',
    nativeName: 'Italiano',
    englishName: 'Italian',
    direction: 'ltr',
    numberCulture: null,
    choiceCulture: null,
    stemmer: 'italian',
  },
  {
    code: 'el',
    nativeName: 'Ελληνικά',
    englishName: 'Greek',
    direction: 'ltr',
    numberCulture: null,
    choiceCulture: null,
    stemmer: 'greek',
  },
  { code: 'lv', nativeName: 'Latviešu', englishName: 'Latvian', direction: 'ltr', numberCulture: null, choiceCulture: null, stemmer: null },
  {
    code: 'ar',
    nativeName: 'العربية',
    englishName: 'Arabic',
    direction: 'rtl',
    numberCulture: null,
    choiceCulture: null,
    stemmer: 'arabic',
  },
  {
    code: 'uk',
    nativeName: 'Українська',
    englishName: 'Ukrainian',
    direction: 'ltr',
    numberCulture: null,
    choiceCulture: null,
    stemmer: 'ukrainian',
  },
  {
    code: 'ru',
    nativeName: 'Русский',
    englishName: 'Russian',
    direction: 'ltr',
    numberCulture: null,
    choiceCulture: null,
    stemmer: 'russian',
  },
  { code: 'fa', nativeName: 'فارسی', englishName: 'Persian', direction: 'rtl', numberCulture: null, choiceCulture: null, stemmer: null },
  {
    code: 'tr',
    nativeName: 'Türkçe',
    englishName: 'Turkish',
    direction: 'ltr',
    numberCulture: null,
    choiceCulture: null,
    stemmer: 'turkish',
  },
];

/** Languages by code. */
export const LANGUAGES: ReadonlyMap<LanguageCode, LanguageInfo> = new Map(table.map((l) => [l.code, l]));

/** True when `code` is a supported language code. */
export function isLanguageCode(code: unknown): code is LanguageCode {
  return typeof code === 'string' && LANGUAGES.has(code as LanguageCode);
}

/** The table row for a supported language. */
export function languageInfo(code: LanguageCode): LanguageInfo {
  const info = LANGUAGES.get(code);
  if (!info) throw new Error(`unsupported language: ${code}`);
  return info;
}

/**
 * Maps a channel locale such as `fr-BE`, `pt_BR` or `UK` to a supported language,
 * or null when the base language is not supported.
 */
export function languageFromLocale(locale: string | undefined | null): LanguageCode | null {
  if (!locale) return null;
  const base = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguageCode(base) ? base : null;
}
