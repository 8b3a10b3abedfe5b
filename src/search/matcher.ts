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
import { analyzeTerms, dominantScript } from './analysis';
import { AnalysisCache, CityIndex, type IndexHit, type SearchMode } from './city-index';
import { type Calibration, confidenceOf, DEFAULT_CALIBRATION, type MatchFeatures } from './confidence';
import { hasEmergencyWord } from './emergency';

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
  /** The detected language of the text, or null when detection was not confident. */
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
}

/** Thrown for a city the catalogue does not know. */
export class UnknownCityError extends Error {
  override readonly name = 'UnknownCityError';
}

interface Ranking {
  readonly lang: LanguageCode;
  readonly hits: readonly IndexHit[];
  readonly termCount: number;
  readonly features: MatchFeatures;
  readonly confidence: number;
}

/** Builds every city's index once and answers questions from memory. */
export class Matcher {
  private readonly cities = new Map<string, CityIndex>();
  private readonly calibration: Calibration;
  private readonly detectionThreshold: number;

  constructor(
    private readonly catalogue: Catalogue,
    options: MatcherOptions = {},
  ) {
    this.calibration = options.calibration ?? DEFAULT_CALIBRATION;
    this.detectionThreshold = options.detectionThreshold ?? 0.5;
    const cache = new AnalysisCache();
    for (const city of catalogue.cities) {
      this.cities.set(city.id, new CityIndex(city.id, catalogue.answersOfCity(city.id), (lang) => catalogue.vocabulary(lang), cache));
    }
  }

  /** Matches one question. Throws `UnknownCityError` for an unknown city. */
  match(request: MatchRequest): MatchResult {
    const city = this.catalogue.city(request.city);
    const index = this.cities.get(request.city);
    if (!city || !index) throw new UnknownCityError(`unknown city: ${request.city}`);
    const text = request.text.slice(0, 500);
    const detections = detectLanguage(text);
    const detected = pickDetection(detections, this.detectionThreshold);
    const replyLanguage = request.language ?? detected ?? (city.languages[0] as LanguageCode);

    if (hasEmergencyWord(text)) {
      const emergency = this.catalogue.answersFor(city.id, 'emergency')[0];
      if (emergency) {
        return {
          outcome: 'answer',
          candidates: [{ answerId: emergency.id, topic: 'emergency', score: 1 }],
          confidence: 1,
          language: replyLanguage,
          detectedLanguage: detected,
          matchedLanguage: null,
          emergency: true,
          features: null,
        };
      }
    }

    const languages = searchLanguages(text, request.language ?? null, detections, city.languages as LanguageCode[]);
    let best = this.rank(index, text, languages, 'exact');
    if (!best || best.features.coverage < 1) {
      const tolerant = this.rank(index, text, languages, 'tolerant');
      if (tolerant && (!best || tolerant.confidence > best.confidence)) best = tolerant;
    }
    const base = { language: replyLanguage, detectedLanguage: detected, emergency: false };
    if (!best || best.hits.length === 0) {
      return { ...base, outcome: 'fallback', candidates: [], confidence: 0, matchedLanguage: null, features: null };
    }
    const candidates = best.hits.map((h) => ({ answerId: h.answerId, topic: h.topic, score: h.score }));
    const { answerAt, clarifyAt, closeRatio } = this.calibration;
    const top = candidates[0] as MatchCandidate;
    const close = candidates.slice(1, 3).filter((c) => c.score >= top.score * closeRatio);
    let outcome: Outcome;
    if (best.confidence >= answerAt) outcome = 'answer';
    else if (best.confidence >= clarifyAt) outcome = close.length > 0 ? 'clarify' : 'answer';
    else outcome = 'fallback';
    return {
      ...base,
      outcome,
      candidates: outcome === 'answer' ? [top] : outcome === 'clarify' ? [top, ...close] : [],
      confidence: best.confidence,
      matchedLanguage: best.lang,
      features: best.features,
    };
  }

  /** Searches each candidate language and keeps the most confident ranking. */
  private rank(index: CityIndex, text: string, languages: readonly LanguageCode[], mode: SearchMode): Ranking | null {
    let best: Ranking | null = null;
    for (const lang of languages) {
      const terms = [...new Set(analyzeTerms(text, lang))];
      if (terms.length === 0) continue;
      const hits = index.search(terms, lang, mode);
      if (hits.length === 0) continue;
      const features = featuresOf(hits, terms.length);
      const confidence = confidenceOf(features, this.calibration);
      if (!best || confidence > best.confidence) best = { lang, hits, termCount: terms.length, features, confidence };
    }
    return best;
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

/** The features the confidence is computed from. */
export function featuresOf(hits: readonly IndexHit[], termCount: number): MatchFeatures {
  const first = hits[0];
  if (!first) return { coverage: 0, topScore: 0, margin: 0, termCount };
  const secondOther = hits.find((h) => h.topic !== first.topic);
  return {
    coverage: first.matchedTerms.length / termCount,
    topScore: first.score,
    margin: secondOther ? (first.score - secondOther.score) / first.score : 1,
    termCount,
  };
}
