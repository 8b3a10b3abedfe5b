/**
 * UI strings through i18next, loaded synchronously from locales/<lang>/translation.json.
 * Missing keys fall back to English, so a partly translated language still works.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { PROJECT_ROOT } from '../config/paths';
import { fold } from '../search/analysis';
import { isLanguageCode, type LanguageCode } from './languages';

/** The folder holding `<lang>/translation.json`. */
export const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');

/** Translates a key for one language. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** UI strings for every language. */
export class Strings {
  private readonly i18n: I18n;
  private readonly wordCache = new Map<string, ReadonlySet<string>>();

  constructor(localesDir: string = LOCALES_DIR) {
    const resources: Resource = {};
    for (const lang of readdirSync(localesDir)) {
      if (!isLanguageCode(lang)) continue;
      const file = path.join(localesDir, lang, 'translation.json');
      resources[lang] = { translation: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
    }
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  private readonly numberCache = new Map<LanguageCode, readonly string[]>();

  /** Languages with a translation file. */
  get languages(): LanguageCode[] {
    return Object.keys(this.i18n.options.resources ?? {}).filter(isLanguageCode);
  }

  /** A translate function bound to one language. */
  for(lang: LanguageCode): Translate {
    return (key, options) => this.i18n.t(key, { ...options, lng: lang }) as string;
  }

  /**
   * A word list from `words.<name>` (e.g. yes, no, numbers), folded, in the language and
   * in English: people often answer "ok" or "yes" whatever language they chose.
   */
  words(lang: LanguageCode, name: string): ReadonlySet<string> {
    const cacheKey = `${lang}/${name}`;
    let set = this.wordCache.get(cacheKey);
    if (!set) {
      const list = (lng: string) => {
        const v = this.i18n.t(`words.${name}`, { lng, returnObjects: true }) as unknown;
        return Array.isArray(v) ? (v as unknown[]).filter((w): w is string => typeof w === 'string') : [];
      };
      set = new Set([...list(lang), ...list('en')].map((w) => fold(w).trim()));
      this.wordCache.set(cacheKey, set);
    }
    return set;
  }

  /** The ordered number words one..twelve of a language (folded), for "type its number". */
  numberWords(lang: LanguageCode): readonly string[] {
    let words = this.numberCache.get(lang);
    if (!words) {
      const v = this.i18n.t('words.numbers', { lng: lang, returnObjects: true }) as unknown;
      words = Array.isArray(v) ? (v as unknown[]).map((w) => fold(String(w))) : [];
      this.numberCache.set(lang, words);
    }
    return words;
  }
}
