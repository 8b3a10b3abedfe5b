/**
 * The full-text index of one city: one small BM25+ index (MiniSearch) per language, whose
 * documents are the city's answers as seen in that language (title, example questions,
 * keywords, text, and the shared topic vocabulary). Per-language indexes keep term
 * statistics meaningful: a word common to every Russian answer weighs little in Russian.
 */
import MiniSearch from 'minisearch';
import type { AnswerFile, TopicVocabularyFile } from '../content/schema';
import type { TopicId } from '../content/topics';
import { LANGUAGE_CODES, type LanguageCode } from '../language/languages';
import { analyzeTerms } from './analysis';

/** One answer found in a language index. */
export interface IndexHit {
  readonly answerId: string;
  readonly topic: TopicId;
  /** BM25+ score. */
  readonly score: number;
  /** The analysed query terms that matched this answer. */
  readonly matchedTerms: readonly string[];
}

interface IndexedDoc {
  id: string;
  topic: TopicId;
  title: string;
  questions: string;
  keywords: string;
  vocabulary: string;
  body: string;
}

const FIELDS = ['title', 'questions', 'keywords', 'vocabulary', 'body'] as const;
const BOOST = { title: 2, questions: 1.5, keywords: 2, vocabulary: 1, body: 0.4 };

function newIndex(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>({
    fields: [...FIELDS],
    storeFields: ['topic'],
    // Documents are analysed before indexing, so MiniSearch only splits on spaces.
    tokenize: (text) => (text.length === 0 ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { boost: BOOST, combineWith: 'OR' },
  });
}

/** Returns the source vocabulary for a language (or nothing). */
export type VocabularyLookup = (lang: LanguageCode) => TopicVocabularyFile | undefined;

/**
 * Memoises analysis while indexes are built: the shared vocabulary repeats in every city,
 * so each text is analysed once per build, not once per city.
 */
export class AnalysisCache {
  private readonly cache = new Map<string, string>();

  /** The analysed terms of `text`, joined by spaces. */
  terms(text: string, lang: LanguageCode): string {
    const key = `${lang}\u0000${text}`;
    let terms = this.cache.get(key);
    if (terms === undefined) {
      terms = analyzeTerms(text, lang).join(' ');
      this.cache.set(key, terms);
    }
    return terms;
  }
}

/** The per-language indexes of one city. */
export class CityIndex {
  private readonly indexes = new Map<LanguageCode, MiniSearch<IndexedDoc>>();

  constructor(
    readonly cityId: string,
    answers: readonly AnswerFile[],
    vocabulary: VocabularyLookup,
    cache: AnalysisCache = new AnalysisCache(),
  ) {
    for (const lang of LANGUAGE_CODES) {
      const vocab = vocabulary(lang);
      const docs: IndexedDoc[] = [];
      for (const answer of answers) {
        const t = answer.translations[lang];
        const v = vocab?.topics[answer.topic];
        if (!t && !v) continue;
        const join = (parts: readonly string[] | undefined) =>
          (parts ?? [])
            .map((p) => cache.terms(p, lang))
            .filter((p) => p.length > 0)
            .join(' ');
        docs.push({
          id: answer.id,
          topic: answer.topic,
          title: join(t?.title ? [t.title] : []),
          questions: join(t?.questions),
          keywords: join(t?.keywords),
          vocabulary: join(v ? [...v.keywords, ...v.questions] : []),
          body: join(t?.text ? [t.text] : []),
        });
      }
      if (docs.length === 0) continue;
      const index = newIndex();
      index.addAll(docs);
      this.indexes.set(lang, index);
    }
  }

  /** Languages this city can be searched in. */
  get languages(): LanguageCode[] {
    return [...this.indexes.keys()];
  }

  /** Searches one language with already analysed query terms (exact terms only); best first. */
  search(terms: readonly string[], lang: LanguageCode): IndexHit[] {
    const index = this.indexes.get(lang);
    if (!index || terms.length === 0) return [];
    return index.search(terms.join(' '), { prefix: false, fuzzy: false }).map((r) => ({
      answerId: r.id as string,
      topic: r.topic as TopicId,
      score: r.score,
      matchedTerms: r.queryTerms,
    }));
  }

  /**
   * Spelling and word-form correction: the indexed term a query term most likely meant, by
   * edit distance (typos) or as a prefix (an ending the stemmer did not remove), weighted by
   * how strongly it is indexed; it may be the term itself. Null when nothing is close.
   * Costly, so only used when exact terms found nothing good.
   */
  correct(term: string, lang: LanguageCode): string | null {
    const index = this.indexes.get(lang);
    if (!index || term.length < 4) return null;
    const results = index.search(term, {
      prefix: term.length >= 5,
      fuzzy: term.length >= 8 ? 2 : 1,
      weights: { prefix: 0.8, fuzzy: 0.7 },
    });
    // The candidate with the most weight across documents wins; ties go to the shorter term.
    const weight = new Map<string, number>();
    for (const r of results) for (const t of r.terms) weight.set(t, (weight.get(t) ?? 0) + r.score);
    let best: string | null = null;
    let bestWeight = 0;
    for (const [candidate, w] of weight) {
      if (w > bestWeight || (w === bestWeight && best !== null && candidate.length < best.length)) {
        best = candidate;
        bestWeight = w;
      }
    }
    return best;
  }
}
