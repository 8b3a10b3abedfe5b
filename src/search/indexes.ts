/**
 * Full-text indexes (MiniSearch, BM25+), one per language so that term statistics stay
 * meaningful: a word common to every Russian answer weighs little in Russian.
 *
 * - `VocabularyIndex`: the shared topic vocabulary (content/vocabulary/), one document per
 *   topic.
 * - `AnswerIndex`: the cities' answers (title, example questions, keywords, text), one index
 *   per language per shard of up to 8 cities, searched with a city filter. Sharing an index
 *   among a few cities stores a word once for all of them (a tenth of the memory of one index
 *   per city at 100 cities) and gives term statistics from more content, while a query
 *   still scores only a few cities' answers. An answer's score is its own score plus its
 *   topic's vocabulary score.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { AnswerFile, TopicVocabularyFile } from '../content/schema';
import type { TopicId } from '../content/topics';
import { LANGUAGE_CODES, type LanguageCode, languageInfo } from '../language/languages';
import { analyzeTerms } from './analysis';

/** One answer found for a query. */
export interface IndexHit {
  readonly answerId: string;
  readonly topic: TopicId;
  /** BM25+ score: the answer's own plus its topic vocabulary's. */
  readonly score: number;
  /** The analysed query terms that matched this answer or its topic vocabulary. */
  readonly matchedTerms: readonly string[];
  /** Those found in the answer's own title, questions or keywords (not only in vocabulary or text). */
  readonly strongTerms: readonly string[];
}

const STRONG_FIELDS = new Set(['title', 'questions', 'keywords']);

/** Documents are analysed before indexing, so MiniSearch only splits on spaces. */
function newIndex<T>(fields: string[], boost: Record<string, number>, storeFields: string[] = ['topic']): MiniSearch<T> {
  return new MiniSearch<T>({
    fields,
    storeFields,
    tokenize: (text) => (text.length === 0 ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { boost, combineWith: 'OR', prefix: false, fuzzy: false },
  });
}

/** The analysed terms of some texts, joined by spaces (MiniSearch splits them again). */
function analysed(texts: readonly string[] | undefined, lang: LanguageCode): string {
  return (texts ?? [])
    .map((text) => analyzeTerms(text, lang).join(' '))
    .filter((terms) => terms.length > 0)
    .join(' ');
}

/**
 * The term with the most weight among fuzzy and prefix matches of `term` in `index`
 * (possibly `term` itself), added into `weights`.
 */
function addCorrections<T>(index: MiniSearch<T> | undefined, term: string, prefix: boolean, weights: Map<string, number>): void {
  if (!index) return;
  const results = index.search(term, {
    prefix,
    fuzzy: term.length >= 8 ? 2 : 1,
    weights: { prefix: 0.8, fuzzy: 0.7 },
  });
  for (const r of results) for (const t of r.terms) weights.set(t, (weights.get(t) ?? 0) + r.score);
}

interface TopicDoc {
  id: TopicId;
  topic: TopicId;
  keywords: string;
  questions: string;
}

/** The shared topic vocabulary of every language: 12 small documents per language. */
export class VocabularyIndex {
  private readonly indexes = new Map<LanguageCode, MiniSearch<TopicDoc>>();

  constructor(vocabulary: (lang: LanguageCode) => TopicVocabularyFile | undefined) {
    for (const lang of LANGUAGE_CODES) {
      const vocab = vocabulary(lang);
      if (!vocab) continue;
      const docs: TopicDoc[] = Object.entries(vocab.topics).map(([topic, v]) => ({
        id: topic as TopicId,
        topic: topic as TopicId,
        keywords: analysed(v?.keywords, lang),
        questions: analysed(v?.questions, lang),
      }));
      const index = newIndex<TopicDoc>(['keywords', 'questions'], { keywords: 1, questions: 0.75 });
      index.addAll(docs);
      this.indexes.set(lang, index);
    }
  }

  /** Topic scores and matched terms for analysed query terms. */
  search(terms: readonly string[], lang: LanguageCode): Map<TopicId, SearchResult> {
    const index = this.indexes.get(lang);
    const out = new Map<TopicId, SearchResult>();
    if (!index || terms.length === 0) return out;
    for (const r of index.search(terms.join(' '))) out.set(r.id as TopicId, r);
    return out;
  }

  /** The language's index, for spelling correction. */
  index(lang: LanguageCode): MiniSearch<TopicDoc> | undefined {
    return this.indexes.get(lang);
  }
}

interface AnswerDoc {
  id: string;
  city: string;
  topic: TopicId;
  title: string;
  questions: string;
  keywords: string;
  body: string;
}

const ANSWER_BOOST = { title: 2, questions: 1.5, keywords: 2, body: 0.4 };

/** Cities per shard: enough to share most words, few enough to keep queries fast. */
export const CITIES_PER_SHARD = 8;

/** The answers of every city: per shard of cities, one index per language. */
export class AnswerIndex {
  private readonly shards: Array<Map<LanguageCode, MiniSearch<AnswerDoc>>> = [];
  /** city → its shard's indexes. */
  private readonly shardOf = new Map<string, Map<LanguageCode, MiniSearch<AnswerDoc>>>();
  /** city → answer id → topic, for the cities added so far. */
  private readonly cities = new Map<string, Map<string, TopicId>>();

  constructor(private readonly vocabulary: VocabularyIndex) {}

  /** True once a city's answers are indexed. */
  has(cityId: string): boolean {
    return this.cities.has(cityId);
  }

  /** Indexes one city's answers (once). */
  addCity(cityId: string, answers: readonly AnswerFile[]): void {
    if (this.cities.has(cityId)) return;
    this.cities.set(cityId, new Map(answers.map((a) => [a.id, a.topic])));
    let shard = this.shards.at(-1);
    if (!shard || (this.cities.size - 1) % CITIES_PER_SHARD === 0) {
      shard = new Map();
      this.shards.push(shard);
    }
    this.shardOf.set(cityId, shard);
    for (const lang of LANGUAGE_CODES) {
      const docs: AnswerDoc[] = [];
      for (const answer of answers) {
        const t = answer.translations[lang];
        if (!t) continue;
        docs.push({
          id: answer.id,
          city: cityId,
          topic: answer.topic,
          title: analysed(t.title ? [t.title] : [], lang),
          questions: analysed(t.questions, lang),
          keywords: analysed(t.keywords, lang),
          // Each term of the text kept once: term frequency in a low-weight field is not
          // worth indexing every occurrence.
          body: t.text ? [...new Set(analyzeTerms(t.text, lang))].join(' ') : '',
        });
      }
      if (docs.length === 0) continue;
      let index = shard.get(lang);
      if (!index) {
        index = newIndex<AnswerDoc>(['title', 'questions', 'keywords', 'body'], ANSWER_BOOST, ['topic', 'city']);
        shard.set(lang, index);
      }
      index.addAll(docs);
    }
  }

  /** Searches one city in one language with analysed query terms (exact terms only); best first. */
  search(cityId: string, terms: readonly string[], lang: LanguageCode): IndexHit[] {
    const answers = this.cities.get(cityId);
    if (!answers || terms.length === 0) return [];
    const own = new Map<string, SearchResult>();
    const results =
      this.shardOf
        .get(cityId)
        ?.get(lang)
        ?.search(terms.join(' '), { filter: (r) => r.city === cityId }) ?? [];
    for (const r of results) own.set(r.id as string, r);
    const byTopic = this.vocabulary.search(terms, lang);
    const hits: IndexHit[] = [];
    for (const [answerId, topic] of answers) {
      const mine = own.get(answerId);
      const shared = byTopic.get(topic);
      if (!mine && !shared) continue;
      // Exact search: the document terms in `match` are the query terms.
      const strongTerms = mine
        ? Object.entries(mine.match)
            .filter(([, fields]) => fields.some((f) => STRONG_FIELDS.has(f)))
            .map(([term]) => term)
        : [];
      hits.push({
        answerId,
        topic,
        score: (mine?.score ?? 0) + (shared?.score ?? 0),
        matchedTerms: [...new Set([...(mine?.queryTerms ?? []), ...(shared?.queryTerms ?? [])])],
        strongTerms,
      });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  /**
   * Spelling and word-form correction: the indexed term a query term most likely meant, by
   * edit distance (typos) or as a prefix (an ending the stemmer did not remove), weighted by
   * how strongly it is indexed in the city's shard and in the shared vocabulary; it may be the
   * term itself. Null when nothing is close. Costly, so only used when exact terms found
   * nothing good.
   */
  correct(cityId: string, term: string, lang: LanguageCode): string | null {
    if (term.length < 4) return null;
    const weights = new Map<string, number>();
    // Prefixes stand in for a stemmer where none exists (Latvian, Persian); elsewhere they cost more than they find.
    const prefix = term.length >= 5 && languageInfo(lang).stemmer === null;
    addCorrections(this.shardOf.get(cityId)?.get(lang), term, prefix, weights);
    addCorrections(this.vocabulary.index(lang), term, prefix, weights);
    let best: string | null = null;
    let bestWeight = 0;
    for (const [candidate, w] of weights) {
      // Ties go to the shorter term.
      if (w > bestWeight || (w === bestWeight && best !== null && candidate.length < best.length)) {
        best = candidate;
        bestWeight = w;
      }
    }
    return best;
  }
}
