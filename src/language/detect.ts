/**
 * Language detection for short texts: tinyld restricted to the supported languages, after
 * narrowing by script (a Cyrillic text is Ukrainian or Russian, never Dutch).
 */
import type * as TinyLd from 'tinyld';
import { dominantScript, type Script } from '../search/analysis';
import { LANGUAGE_CODES, type LanguageCode } from './languages';

/** The supported languages written in each script. */
export const LANGUAGES_BY_SCRIPT: Record<Script, readonly LanguageCode[]> = {
  latin: ['en', 'fr', 'nl', 'es', 'it', 'lv', 'tr'],
  greek: ['el'],
  cyrillic: ['uk', 'ru'],
  arabic: ['ar', 'fa'],
  other: [],
};

/** A detection result: the language and a confidence in [0,1]. */
export interface Detection {
  readonly language: LanguageCode;
  readonly confidence: number;
}

/** Letters only these languages use, which settle ties between same-script languages. */
const TELLTALE: ReadonlyArray<[RegExp, LanguageCode]> = [
  [/[іїєґ]/i, 'uk'],
  [/[ыэъё]/i, 'ru'],
  [/[پچژگ]/, 'fa'],
  [/[āēīūķļņģ]/i, 'lv'],
  [/[ğışİ]/, 'tr'],
];

let tinyld: typeof TinyLd | null = null;

/** Loads tinyld's language profiles (about 0.2 s); called on first use or to warm up. */
export function loadDetector(): typeof TinyLd {
  tinyld ??= require('tinyld') as typeof TinyLd;
  return tinyld;
}

/**
 * Detects the language of `text` among the supported ones. Returns candidates best first;
 * an empty list when nothing can be said (e.g. digits only).
 */
export function detectLanguage(text: string): Detection[] {
  const script = dominantScript(text);
  const allowed = LANGUAGES_BY_SCRIPT[script];
  if (allowed.length === 0) return [];
  if (allowed.length === 1) return [{ language: allowed[0] as LanguageCode, confidence: 1 }];
  for (const [pattern, lang] of TELLTALE) {
    if (allowed.includes(lang) && pattern.test(text)) return [{ language: lang, confidence: 0.95 }];
  }
  const results = loadDetector()
    .detectAll(text, { only: [...allowed] })
    .filter((r) => (LANGUAGE_CODES as readonly string[]).includes(r.lang) && r.accuracy > 0);
  // tinyld's scores are relative; their share of the total is the confidence we report.
  const total = results.reduce((sum, r) => sum + r.accuracy, 0);
  const out: Detection[] = results.map((r) => ({ language: r.lang as LanguageCode, confidence: total > 0 ? r.accuracy / total : 0 }));
  return out;
}
