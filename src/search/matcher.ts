/**
 * The Matcher: from a free-text question to one of three outcomes (DESIGN.md decision 6).
 *
 *   answer   one clear winner
 *   clarify  two or three close candidates, offered as buttons
 *   fallback an honest "I don't know", with the city's contacts and the menu
 *
 * Free of botbuilder types: the dialogs, the `ask` command and the evaluation all call it.
 */
import type { Catalogue } from '../content/catalogue';
import type { TopicId } from '../content/topics';
import { type Detection, detectLanguage, LANGUAGES_BY_SCRIPT } from '../language/detect';
import type { LanguageCode } from '../language/languages';
import { dominantScript, termsOfTokens, wordTokens } from './analysis';
import { type Calibration, confidenceOf, DEFAULT_CALIBRATION, type MatchFeatures } from './confidence';
import { hasEmergencyToken } from './emergency';
import { AnswerIndex, type IndexHit, VocabularyIndex } from './indexes';

/** How hard to look: exact terms first; corrections only where exact terms fail. */
type SearchMode = 'exact' | 'tolerant';

/** What the matcher decided. */
export type Outcome = 'answer' | 'clarify' | 'fallback';

/** A question to match. */
export interface MatchRequest {
  readonly city: string;
  readonly text: string;
  /** The user's chosen language, if any. */
  readonly language?: LanguageCode | null;
}

/** A ranked candidate answer. */
export interface MatchCandidate {
  readonly answerId: string;
  readonly topic: TopicId;
  /** The BM25+ score in the language where it was found. */
  readonly score: number;
}

/** The matcher's decision and the evidence behind it. */
export interface MatchResult {
  readonly outcome: Outcome;
  /** Candidates best first: one for `answer`, two or three for `clarify`, none for `fallback`. */
  readonly candidates: readonly MatchCandidate[];
  /** Calibrated confidence in [0,1] that the best candidate is right. */
  readonly confidence: number;
  /** The language to reply in: chosen, else detected, else the city's default. */
  readonly language: LanguageCode;
  /** The detected language of the text, or null when detection was not confident (computed on first read when the match did not need it). */
  readonly detectedLanguage: LanguageCode | null;
  /** The language whose index produced the result, or null. */
  readonly matchedLanguage: LanguageCode | null;
  /** True when the emergency rule decided. */
  readonly emergency: boolean;
  /** The ranking features behind the confidence (null when no ranking was made). */
  readonly features: MatchFeatures | null;
}

/** Tunable thresholds. */
export interface MatcherOptions {
  readonly calibration?: Calibration;
  /** Detection confidence above which a detected language is trusted. */
  readonly detectionThreshold?: number;
  /**
   * Build city indexes on first use (or during `warmUp`) instead of in the constructor,
   * so a server is ready before every index is built.
   */
  readonly lazy?: boolean;
}

/** Thrown for a city the catalogue does not know. */
export class UnknownCityError extends Error {
  override readonly name = 'UnknownCityError';
}

interface Ranking {
  readonly lang: LanguageCode;
  readonly hits: readonly IndexHit[];
  readonly features: MatchFeatures;
  readonly confidence: number;
}

/** Indexes every city's answers and answers questions from memory. */
export class Matcher {
  private readonly calibration: Calibration;
  private readonly detectionThreshold: number;
  private readonly answers: AnswerIndex;
  private readonly vocabulary: VocabularyIndex;

  constructor(
    private readonly catalogue: Catalogue,
    options: MatcherOptions = {},
  ) {
    this.calibration = options.calibration ?? DEFAULT_CALIBRATION;
    this.detectionThreshold = options.detectionThreshold ?? 0.5;
    this.vocabulary = new VocabularyIndex((lang) => catalogue.vocabulary(lang));
    this.answers = new AnswerIndex(this.vocabulary);
    if (!options.lazy) this.buildAll();
  }

  /** Indexes a city's answers on first use; false for an unknown city. */
  private ensureCity(cityId: string): boolean {
    if (this.answers.has(cityId)) return true;
    if (!this.catalogue.city(cityId)) return false;
    this.answers.addCity(cityId, this.catalogue.answersOfCity(cityId));
    return true;
  }

  /** Indexes every city (and the shared vocabulary) now. */
  buildAll(): void {
    this.vocabulary.buildAll();
    this.answers.addCities(this.catalogue.cities.map((city) => ({ id: city.id, answers: this.catalogue.answersOfCity(city.id) })));
  }

  /** Indexes the shared vocabulary, then the remaining cities, one per event-loop turn, so requests keep flowing. */
  async warmUp(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.vocabulary.buildAll();
    for (const city of this.catalogue.cities) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.ensureCity(city.id);
    }
  }

  /** Matches one question. Throws `UnknownCityError` for an unknown city. */
  match(request: MatchRequest): MatchResult {
    const city = this.catalogue.city(request.city);
    if (!city || !this.ensureCity(city.id)) throw new UnknownCityError(`unknown city: ${request.city}`);
    const text = request.text.slice(0, 500);
    const chosen = request.language ?? null;
    // Detection costs about 0.1 ms: done only when needed (no chosen language, or no good match
    // in it), or when a caller reads `detectedLanguage`.
    const detector = new LazyDetection(text, this.detectionThreshold);
    const detect = () => detector.all();
    const finish = (result: Omit<MatchResult, 'detectedLanguage'>): MatchResult => new Result(result, detector);
    const replyLanguage = chosen ?? detector.best() ?? (city.languages[0] as LanguageCode);

    const tokens = new QueryTokens(text);
    if (hasEmergencyToken(tokens.of('en'))) {
      const emergency = this.catalogue.answersFor(city.id, 'emergency')[0];
      if (emergency) {
        return finish({
          outcome: 'answer',
          candidates: [{ answerId: emergency.id, topic: 'emergency', score: 1 }],
          confidence: 1,
          language: replyLanguage,
          matchedLanguage: null,
          emergency: true,
          features: null,
        });
      }
    }

    const cityLanguages = city.languages as LanguageCode[];
    const first = searchLanguages(text, chosen, chosen ? [] : detect(), cityLanguages);
    let best = this.rank(city.id, tokens, first, 'exact');
    let languages = first;
    if (!best || best.confidence < this.calibration.answerAt) {
      // Not found in the expected languages: the question may be in another one. With a
      // chosen language (the bot always has one), the script's other languages are all
      // searched and the most confident wins: a few cached lookups each, cheaper than detection.
      languages = chosen
        ? [...first, ...LANGUAGES_BY_SCRIPT[dominantScript(text)]]
        : searchLanguages(text, chosen, detect(), cityLanguages);
      const more = this.rank(
        city.id,
        tokens,
        languages.filter((l) => !first.includes(l)),
        'exact',
        null,
        chosen !== null,
      );
      if (more && (!best || more.confidence > best.confidence)) best = more;
    }
    if (!best || best.confidence < this.calibration.answerAt) {
      // Corrections are costly: only in the language that matched best (else the first wanted one).
      const retry = [best?.lang ?? languages[0]].filter((l): l is LanguageCode => l !== undefined);
      const tolerant = this.rank(city.id, tokens, retry, 'tolerant', best);
      if (tolerant && (!best || tolerant.confidence > best.confidence)) best = tolerant;
    }
    const base = { language: replyLanguage, emergency: false };
    if (!best || best.hits.length === 0) {
      return finish({ ...base, outcome: 'fallback', candidates: [], confidence: 0, matchedLanguage: null, features: null });
    }
    const candidates = best.hits.map((h) => ({ answerId: h.answerId, topic: h.topic, score: h.score }));
    const { answerAt, clarifyAt, closeRatio } = this.calibration;
    const top = candidates[0] as MatchCandidate;
    const close = candidates.slice(1, 3).filter((c) => c.score >= top.score * closeRatio);
    let outcome: Outcome;
    if (best.confidence >= answerAt) outcome = 'answer';
    else if (best.confidence >= clarifyAt) outcome = close.length > 0 ? 'clarify' : 'answer';
    else outcome = 'fallback';
    return finish({
      ...base,
      outcome,
      candidates: outcome === 'answer' ? [top] : outcome === 'clarify' ? [top, ...close] : [],
      confidence: best.confidence,
      matchedLanguage: best.lang,
      features: best.features,
    });
  }

  /** Searches the candidate languages in order and keeps the most confident ranking. */
  private rank(
    cityId: string,
    tokens: QueryTokens,
    languages: readonly LanguageCode[],
    mode: SearchMode,
    exact: Ranking | null = null,
    exhaustive = false,
  ): Ranking | null {
    let best: Ranking | null = null;
    for (const lang of languages) {
      let terms = [...new Set(termsOfTokens(tokens.of(lang), lang))];
      if (terms.length === 0) continue;
      const corrected = new Set<string>();
      // Tolerant mode replaces unknown terms by the indexed term they most likely meant.
      if (mode === 'tolerant') {
        terms = [
          ...new Set(
            terms.map((t) => {
              // A term the best answer already has in its own title, questions or keywords is right as typed.
              const top = exact?.lang === lang ? exact.hits[0] : undefined;
              if (top?.strongTerms.includes(t)) return t;
              // Otherwise the best-supported close term wins, even over a rare exact one (a misspelling in the vocabulary).
              const fixed = this.answers.correct(cityId, t, lang);
              if (!fixed || fixed === t) return t;
              corrected.add(fixed);
              return fixed;
            }),
          ),
        ];
      }
      const hits = this.answers.search(cityId, terms, lang);
      if (hits.length === 0) continue;
      const features = featuresOf(hits, terms.length, corrected);
      const confidence = confidenceOf(features, this.calibration);
      if (!best || confidence > best.confidence) best = { lang, hits, features, confidence };
      // Languages come most likely first: a confident answer needs no look further.
      if (!exhaustive && best.confidence >= this.calibration.answerAt) break;
    }
    return best;
  }
}

/** Language detection of one text, run on first use. */
class LazyDetection {
  private detections: readonly Detection[] | null = null;
  private picked: LanguageCode | null | undefined;

  constructor(
    private readonly text: string,
    private readonly threshold: number,
  ) {}

  all(): readonly Detection[] {
    this.detections ??= detectLanguage(this.text);
    return this.detections;
  }

  best(): LanguageCode | null {
    if (this.picked === undefined) this.picked = pickDetection(this.all(), this.threshold);
    return this.picked;
  }
}

/** A match result whose `detectedLanguage` is computed when first read. */
class Result implements MatchResult {
  readonly outcome: Outcome;
  readonly candidates: readonly MatchCandidate[];
  readonly confidence: number;
  readonly language: LanguageCode;
  readonly matchedLanguage: LanguageCode | null;
  readonly emergency: boolean;
  readonly features: MatchFeatures | null;

  constructor(
    fields: Omit<MatchResult, 'detectedLanguage'>,
    private readonly detection: LazyDetection,
  ) {
    this.outcome = fields.outcome;
    this.candidates = fields.candidates;
    this.confidence = fields.confidence;
    this.language = fields.language;
    this.matchedLanguage = fields.matchedLanguage;
    this.emergency = fields.emergency;
    this.features = fields.features;
  }

  get detectedLanguage(): LanguageCode | null {
    return this.detection.best();
  }
}

/** The question's word tokens, split once for every language searched (Turkish lower-cases I apart). */
class QueryTokens {
  private common: string[] | null = null;
  private turkish: string[] | null = null;

  constructor(private readonly text: string) {}

  of(lang: LanguageCode): string[] {
    if (lang === 'tr') {
      this.turkish ??= wordTokens(this.text, 'tr');
      return this.turkish;
    }
    this.common ??= wordTokens(this.text, 'en');
    return this.common;
  }
}

function pickDetection(detections: readonly Detection[], threshold: number): LanguageCode | null {
  const first = detections[0];
  return first && first.confidence >= threshold ? first.language : null;
}

/**
 * The languages to search: the chosen one, detected ones, English and the city's languages,
 * limited to those written in the text's script.
 */
export function searchLanguages(
  text: string,
  chosen: LanguageCode | null,
  detections: readonly Detection[],
  cityLanguages: readonly LanguageCode[],
): LanguageCode[] {
  const allowed = new Set(LANGUAGES_BY_SCRIPT[dominantScript(text)]);
  const wanted: LanguageCode[] = [];
  const add = (l: LanguageCode | null | undefined) => {
    if (l && allowed.has(l) && !wanted.includes(l)) wanted.push(l);
  };
  add(chosen);
  for (const d of detections.slice(0, 2)) if (d.confidence >= 0.05) add(d.language);
  add('en');
  for (const l of cityLanguages) add(l);
  // A script with few languages (Greek, Cyrillic, Arabic): search them all.
  if (allowed.size <= 2) for (const l of allowed) add(l);
  return wanted;
}

/** How much a corrected term counts, in coverage and score, against an exact one. */
const CORRECTION_WEIGHT = 0.75;

/** The features the confidence is computed from. */
export function featuresOf(hits: readonly IndexHit[], termCount: number, corrected: ReadonlySet<string> = new Set()): MatchFeatures {
  const first = hits[0];
  if (!first) return { coverage: 0, topScore: 0, margin: 0, termCount, corrected: 0 };
  const secondOther = hits.find((h) => h.topic !== first.topic);
  const fixedHere = first.matchedTerms.filter((t) => corrected.has(t)).length;
  return {
    coverage: (first.matchedTerms.length - (1 - CORRECTION_WEIGHT) * fixedHere) / termCount,
    topScore: first.score * CORRECTION_WEIGHT ** fixedHere,
    margin: secondOther ? (first.score - secondOther.score) / first.score : 1,
    termCount,
    corrected: fixedHere,
  };
}
