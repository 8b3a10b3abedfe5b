/**
 * Text analysis per language: normalising, folding, tokenising, stop words, stemming.
 * The same function analyses documents and queries, so both sides agree on every term.
 */
import { createRequire } from 'node:module';
import * as stopwords from 'stopword';
import { type LanguageCode, languageInfo, type StemmerName } from '../language/languages';

const requireModule = createRequire(__filename);

type Stemmer = (word: string) => string;

/** Arabic-script letter variants folded to one form, so ي/ی/ى, ك/ک, أ/إ/آ/ا, ة/ه match. */
const ARABIC_SCRIPT_FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[يیى]/g, 'ي'],
  [/[كک]/g, 'ك'],
  [/[أإآٱ]/g, 'ا'],
  [/ة/g, 'ه'],
  [/ؤ/g, 'و'],
  [/ئ/g, 'ي'],
  [/[۰-۹]/g, (d: string) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))] as unknown as [RegExp, string],
  [/[٠-٩]/g, (d: string) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))] as unknown as [RegExp, string],
];

/**
 * Lower-cases and removes everything that people often leave out when typing on a phone:
 * accents and diacritics (é→e, ā→a, Greek tonos), Arabic vowel marks and tatweel, letter
 * variants (Arabic/Persian forms, Turkish dotless ı, Greek final sigma, Cyrillic ё).
 */
export function fold(text: string): string {
  let s = text.normalize('NFKC').replace(/İ/g, 'i').replace(/I/g, 'i').toLowerCase();
  s = s.replace(/ı/g, 'i').replace(/ς/g, 'σ').replace(/ё/g, 'е').replace(/ـ/g, '');
  for (const [pattern, replacement] of ARABIC_SCRIPT_FOLDS) {
    s = s.replace(pattern, replacement as string);
  }
  // NFD splits letters from their combining marks; dropping the marks folds accents,
  // tonos, Latvian macrons and Arabic harakat alike.
  return s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Printable ASCII and whitespace only. */
const ASCII = /^[\t\n\r\f\v -~]*$/;

/** Splits text into word tokens in any script (letters and digits; ZWNJ and punctuation split). */
export function tokenize(text: string): string[] {
  // Most texts of Latin-script languages are plain ASCII; the narrower pattern is twice as fast.
  if (ASCII.test(text)) return text.match(/[A-Za-z0-9]+/g) ?? [];
  return unicodeTokens(text);
}

/** `tokenize` for text known not to be plain ASCII. */
function unicodeTokens(text: string): string[] {
  // Combining marks (Arabic vowel marks, decomposed accents) belong to their word; `fold` drops them.
  return text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
}

const STOPWORD_LISTS: Record<LanguageCode, readonly string[]> = {
  en: stopwords.eng,
  fr: stopwords.fra,
  nl: stopwords.nld,
  es: stopwords.spa,
  it: stopwords.ita,
  el: stopwords.ell,
  lv: stopwords.lav,
  ar: stopwords.ara,
  uk: stopwords.ukr,
  ru: stopwords.rus,
  fa: stopwords.fas,
  tr: stopwords.tur,
};

/**
 * Words that carry the meaning of a question in this domain and must never be dropped,
 * although some general-purpose stop-word lists contain them (e.g. "work", "help").
 */
const KEEP: Partial<Record<LanguageCode, readonly string[]>> = {
  en: ['work', 'help', 'home', 'need', 'school', 'doctor', 'job'],
  it: ['lavoro', 'casa'],
  es: ['trabajo', 'casa'],
  fr: ['travail'],
  nl: ['werk', 'hulp'],
  el: ['εργασια', 'δουλεια', 'σπιτι'],
  lv: ['darbs', 'darbu'],
  uk: ['робота', 'роботу'],
  ru: ['работа', 'работу'],
  // Turkish "iş" (work) and "ev" (house) fold to words some lists treat as stop words.
  tr: ['is', 'ev'],
};

const foldedStopwords = new Map<LanguageCode, ReadonlySet<string>>();

/** The folded stop words of a language. */
export function stopwordsFor(lang: LanguageCode): ReadonlySet<string> {
  let set = foldedStopwords.get(lang);
  if (!set) {
    const keep = new Set(KEEP[lang] ?? []);
    set = new Set(STOPWORD_LISTS[lang].map(fold).filter((w) => !keep.has(w)));
    foldedStopwords.set(lang, set);
  }
  return set;
}

const stemmers = new Map<StemmerName, Stemmer>();

function stemmerFor(lang: LanguageCode): Stemmer | null {
  const name = languageInfo(lang).stemmer;
  if (!name) return null;
  let stem = stemmers.get(name);
  if (!stem) {
    const mod = requireModule(`@orama/stemmers/${name}`) as { stemmer: Stemmer };
    stem = mod.stemmer;
    stemmers.set(name, stem);
  }
  return stem;
}

/** Light suffix stripping for languages without a stemmer in @orama/stemmers. */
const LIGHT_SUFFIXES: Partial<Record<LanguageCode, readonly string[]>> = {
  // Latvian case and verb endings, folded (no diacritics), longest first.
  lv: ['iem', 'ies', 'ams', 'ami', 'as', 'am', 'es', 'em', 'is', 'us', 'os', 'ai', 'ei', 'u', 'a', 'e', 'i', 's', 'o'],
  // Persian plural and possessive suffixes.
  fa: ['هاي', 'ها', 'ان', 'ات', 'يم', 'يد', 'ي', 'م', 'ت', 'ش'],
};

function lightStem(lang: LanguageCode, token: string): string {
  const suffixes = LIGHT_SUFFIXES[lang];
  if (!suffixes) return token;
  for (const suffix of suffixes) {
    if (token.length - suffix.length >= 3 && token.endsWith(suffix)) return token.slice(0, -suffix.length);
  }
  return token;
}

/** Per-language memo of token → term: the same words recur in every question and answer. */
const termMemo = new Map<LanguageCode, Map<string, string | null>>();
const MEMO_LIMIT = 100_000;

function memoOf(lang: LanguageCode): Map<string, string | null> {
  let memo = termMemo.get(lang);
  if (!memo) {
    memo = new Map();
    termMemo.set(lang, memo);
  }
  return memo;
}

function termOf(raw: string, lang: LanguageCode, memo: Map<string, string | null>): string | null {
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const token = fold(raw);
  let term: string | null = null;
  if (token.length > 0 && !stopwordsFor(lang).has(token) && (token.length > 1 || /\d/.test(token))) {
    const stem = stemmerFor(lang);
    const stemmed = stem ? fold(stem(raw)) : lightStem(lang, token);
    term = stemmed.length > 0 ? stemmed : token;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, term);
  return term;
}

/**
 * Lower-cases as the language does: only Turkish (and Azeri) differ from the root locale,
 * by the dotted and dotless I; `toLocaleLowerCase` would cost a locale lookup on every call.
 */
function lowerCase(text: string, lang: LanguageCode): string {
  return lang === 'tr' ? text.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase() : text.toLowerCase();
}

/**
 * Analyses text for one language into index terms: tokens are stemmed (on the lower-cased,
 * still accented word, which is what stemmers expect), then folded; stop words are dropped.
 */
export function analyzeTerms(text: string, lang: LanguageCode): string[] {
  return termsOfTokens(wordTokens(text, lang), lang);
}

/** The lower-cased word tokens of a text as `lang` reads it (the same for every language but Turkish). */
export function wordTokens(text: string, lang: LanguageCode): string[] {
  // Plain ASCII needs no Unicode normalisation (and only Turkish lower-cases ASCII differently).
  const ascii = ASCII.test(text);
  if (ascii && lang !== 'tr') return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  // Turkish lower-cases ASCII I to dotless ı, so its ASCII text is not ASCII any more.
  return ascii ? tokenize(lowerCase(text, lang)) : unicodeTokens(lowerCase(text.normalize('NFKC'), lang));
}

/** The index terms of tokens from `wordTokens` (stop words dropped, stemmed, folded). */
export function termsOfTokens(tokens: Iterable<string>, lang: LanguageCode): string[] {
  const memo = memoOf(lang);
  const out: string[] = [];
  for (const raw of tokens) {
    const term = termOf(raw, lang, memo);
    if (term !== null) out.push(term);
  }
  return out;
}

/** The distinct index terms of a text, in order of first appearance. */
export function distinctTerms(text: string, lang: LanguageCode): string[] {
  return [...new Set(termsOfTokens(new Set(wordTokens(text, lang)), lang))];
}

/** The writing system a text is mostly in, used to narrow language detection. */
export type Script = 'latin' | 'greek' | 'cyrillic' | 'arabic' | 'other';

/** The script of one letter, by Unicode block; null for anything that is not a letter of these. */
function scriptOf(code: number): Script | null {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 'latin' : null;
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return 'latin';
  if (code >= 0x1e00 && code <= 0x1eff) return 'latin';
  if ((code >= 0x370 && code <= 0x3ff) || (code >= 0x1f00 && code <= 0x1fff)) return 'greek';
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0xfb50 && code <= 0xfeff)) return 'arabic';
  return null;
}

/** Detects the dominant script of a text (ties go to the script seen first). */
export function dominantScript(text: string): Script {
  const counts: Record<Script, number> = { latin: 0, greek: 0, cyrillic: 0, arabic: 0, other: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const script = scriptOf(code);
    if (script) counts[script]++;
    else if (code >= 0x80 && /\p{L}/u.test(text[i] as string)) counts.other++;
  }
  let best: Script = 'other';
  let max = 0;
  for (const script of ['latin', 'greek', 'cyrillic', 'arabic', 'other'] as const) {
    if (counts[script] > max) {
      best = script;
      max = counts[script];
    }
  }
  return best;
}
