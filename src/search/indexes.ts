/**
 * Full-text indexes (MiniSearch, BM25+), one per language so that term statistics stay
 * meaningful: a word common to every Russian answer weighs little in Russian.
 *
 * - `VocabularyIndex`: the shared topic vocabulary (content/vocabulary/), one document per
 *   topic.
 * - `AnswerIndex`: the cities' answers (title, example questions, keywords, text), one index
 *   per language per shard of up to 25 cities, searched with a city filter. Sharing an index
 *   among cities stores a word once for all of them (a tenth of the memory of one index per
 *   city at 100 cities, and a faster build) and gives term statistics from more content,
 *   while a query reads only the postings of its own terms. An answer's score is its own
 *   score plus its topic's vocabulary score.
 *
 * Queries are scored term at a time: a term's postings (MiniSearch's BM25+ score of that one
 * term in each document) are computed once and kept, and a query adds them up. MiniSearch
 * scores an OR query exactly so (the sum of its terms' scores, times the number of query
 * terms matched), so the ranking is the same, while a question made of known words costs a
 * few map lookups instead of a full search. The kept postings are dropped when an index
 * changes.
 */
import MiniSearch from 'minisearch';
import type { AnswerFile, TopicVocabularyFile } from '../content/schema';
import type { TopicId } from '../content/topics';
import { LANGUAGE_CODES, type LanguageCode, languageInfo } from '../language/languages';
import { analyzeTerms, distinctTerms } from './analysis';

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

/** A document one term was found in, with that term's BM25+ score there. */
interface Posting {
  readonly id: string;
  /** The document's city ('' for the shared vocabulary). */
  readonly city: string;
  readonly score: number;
  /** True when the term is in the document's title, questions or keywords. */
  readonly strong: boolean;
}

/** A document's score for a whole query, from its terms' postings. */
export interface Scored {
  score: number;
  /** The query terms found in the document. */
  readonly terms: string[];
  /** Those found in a strong field. */
  readonly strongTerms: string[];
}

/** Most terms kept per index; past it the cache starts afresh (unknown words are kept too). */
const TERM_CACHE_LIMIT = 50_000;

/** Each term's postings in one MiniSearch index, computed on first use. */
export class TermPostings<T> {
  private readonly cache = new Map<string, readonly Posting[]>();

  constructor(readonly index: MiniSearch<T>) {}

  /** The postings of one analysed term. */
  of(term: string): readonly Posting[] {
    let postings = this.cache.get(term);
    if (!postings) {
      postings = this.index.search(term).map((r) => ({
        id: String(r.id),
        city: typeof r.city === 'string' ? r.city : '',
        score: r.score,
        strong: (r.match[term] ?? []).some((field) => STRONG_FIELDS.has(field)),
      }));
      if (this.cache.size >= TERM_CACHE_LIMIT) this.cache.clear();
      this.cache.set(term, postings);
    }
    return postings;
  }

  /** Forgets every kept posting (the index changed). */
  clear(): void {
    this.cache.clear();
  }

  /**
   * Scores documents for distinct query terms, as MiniSearch's OR search would: the sum of
   * the terms' scores times the number of terms matched. Only documents of `city` when given.
   */
  score(terms: readonly string[], city?: string): Map<string, Scored> {
    const out = new Map<string, Scored>();
    for (const term of terms) {
      for (const p of this.of(term)) {
        if (city !== undefined && p.city !== city) continue;
        let doc = out.get(p.id);
        if (!doc) {
          doc = { score: 0, terms: [], strongTerms: [] };
          out.set(p.id, doc);
        }
        doc.score += p.score;
        doc.terms.push(term);
        if (p.strong) doc.strongTerms.push(term);
      }
    }
    for (const doc of out.values()) doc.score *= doc.terms.length;
    return out;
  }
}

/** A term's postings inside MiniSearch: field id → document short id → term frequency. */
type FieldTermData = Map<number, Map<number, number>>;

/**
 * MiniSearch with a faster bulk add. For every token added, MiniSearch walks its radix tree
 * to find the term's postings: in a profile of the 100-city build that was a quarter of all
 * the time. During `addAll` this keeps each term's postings by its string, so a term seen
 * before costs one hash lookup; what is stored, and therefore every score, is unchanged.
 * It replaces MiniSearch 7's private `addTerm` (the version is pinned in package.json, and
 * a unit test compares its results with plain MiniSearch's).
 */
export class BulkMiniSearch<T> extends MiniSearch<T> {
  private postingsByTerm: Map<string, FieldTermData> | null = null;

  override addAll(documents: readonly T[]): void {
    this.postingsByTerm = new Map();
    try {
      super.addAll(documents);
    } finally {
      this.postingsByTerm = null;
    }
  }

  /** MiniSearch's addTerm, with the term's postings looked up in `postingsByTerm` first. */
  protected addTermFast(fieldId: number, documentId: number, term: string): void {
    let data = this.postingsByTerm?.get(term);
    if (!data) {
      data = this._index.fetch(term, () => new Map()) as FieldTermData;
      this.postingsByTerm?.set(term, data);
    }
    const docs = data.get(fieldId);
    if (docs) docs.set(documentId, (docs.get(documentId) ?? 0) + 1);
    else {
      const first = new Map<number, number>();
      first.set(documentId, 1);
      data.set(fieldId, first);
    }
  }
}

Object.defineProperty(BulkMiniSearch.prototype, 'addTerm', {
  value(this: { addTermFast(fieldId: number, documentId: number, term: string): void }, fieldId: number, documentId: number, term: string) {
    this.addTermFast(fieldId, documentId, term);
  },
});

/**
 * Documents are analysed before indexing: their fields hold arrays of terms, which MiniSearch
 * takes as they are (`stringifyField` passes them through); a query is terms joined by spaces.
 */
function newIndex<T>(fields: string[], boost: Record<string, number>, storeFields: string[] = ['topic']): MiniSearch<T> {
  return new BulkMiniSearch<T>({
    fields,
    storeFields,
    stringifyField: (value: string[]) => value as unknown as string,
    tokenize: (text: string | string[]) => (typeof text !== 'string' ? text : text.length === 0 ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { boost, combineWith: 'OR', prefix: false, fuzzy: false },
  });
}

/** The analysed terms of some texts, in order. */
function analysed(texts: readonly string[] | undefined, lang: LanguageCode): string[] {
  const terms: string[] = [];
  for (const text of texts ?? []) for (const term of analyzeTerms(text, lang)) terms.push(term);
  return terms;
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
  keywords: string[];
  questions: string[];
}

/** The shared topic vocabulary of every language: 12 small documents per language. */
export class VocabularyIndex {
  /** lang → its index, or null when the language has no vocabulary file. */
  private readonly indexes = new Map<LanguageCode, TermPostings<TopicDoc> | null>();

  /** Builds each language's index on first use, or all of them with `buildAll`. */
  constructor(private readonly vocabulary: (lang: LanguageCode) => TopicVocabularyFile | undefined) {}

  /** Indexes every language now. */
  buildAll(): void {
    for (const lang of LANGUAGE_CODES) this.postings(lang);
  }

  private postings(lang: LanguageCode): TermPostings<TopicDoc> | null {
    let postings = this.indexes.get(lang);
    if (postings === undefined) {
      postings = this.build(lang);
      this.indexes.set(lang, postings);
    }
    return postings;
  }

  private build(lang: LanguageCode): TermPostings<TopicDoc> | null {
    const vocab = this.vocabulary(lang);
    if (!vocab) return null;
    const docs: TopicDoc[] = Object.entries(vocab.topics).map(([topic, v]) => ({
      id: topic as TopicId,
      topic: topic as TopicId,
      keywords: analysed(v?.keywords, lang),
      questions: analysed(v?.questions, lang),
    }));
    const index = newIndex<TopicDoc>(['keywords', 'questions'], { keywords: 1, questions: 0.75 });
    index.addAll(docs);
    return new TermPostings(index);
  }

  /** Topic scores and matched terms for distinct analysed query terms. */
  search(terms: readonly string[], lang: LanguageCode): Map<string, Scored> {
    return this.postings(lang)?.score(terms) ?? new Map();
  }

  /** The language's index, for spelling correction. */
  index(lang: LanguageCode): MiniSearch<TopicDoc> | undefined {
    return this.postings(lang)?.index;
  }
}

interface AnswerDoc {
  id: string;
  city: string;
  topic: TopicId;
  title: string[];
  questions: string[];
  keywords: string[];
  body: string[];
}

const ANSWER_BOOST = { title: 2, questions: 1.5, keywords: 2, body: 0.4 };

/**
 * Cities per shard: enough to share most words (building 100 cities took 5.1-5.4 s with
 * shards of 8 and 4.5-4.7 s with shards of 25, in one session), few enough that a term's
 * postings stay short.
 */
export const CITIES_PER_SHARD = 25;

/** The answers of every city: per shard of cities, one index per language. */
export class AnswerIndex {
  private readonly shards: Array<Map<LanguageCode, TermPostings<AnswerDoc>>> = [];
  /** city → its shard's indexes. */
  private readonly shardOf = new Map<string, Map<LanguageCode, TermPostings<AnswerDoc>>>();
  /** lang → "city term" → the correction found (the indexes it came from have not changed since). */
  private readonly corrections = new Map<LanguageCode, Map<string, string | null>>();
  /** city → answer id → topic, for the cities added so far. */
  private readonly cities = new Map<string, Map<string, TopicId>>();

  constructor(private readonly vocabulary: VocabularyIndex) {}

  /** True once a city's answers are indexed. */
  has(cityId: string): boolean {
    return this.cities.has(cityId);
  }

  /** Indexes one city's answers (once). */
  addCity(cityId: string, answers: readonly AnswerFile[]): void {
    this.addCities([{ id: cityId, answers }]);
  }

  /**
   * Indexes several cities' answers (cities already indexed are skipped). Each shard's index
   * of a language gets all its new documents in one bulk add, which is faster than city by city.
   */
  addCities(cities: ReadonlyArray<{ readonly id: string; readonly answers: readonly AnswerFile[] }>): void {
    const byShard = new Map<Map<LanguageCode, TermPostings<AnswerDoc>>, Array<{ id: string; answers: readonly AnswerFile[] }>>();
    for (const city of cities) {
      if (this.cities.has(city.id)) continue;
      this.cities.set(city.id, new Map(city.answers.map((a) => [a.id, a.topic])));
      let shard = this.shards.at(-1);
      if (!shard || (this.cities.size - 1) % CITIES_PER_SHARD === 0) {
        shard = new Map();
        this.shards.push(shard);
      }
      this.shardOf.set(city.id, shard);
      const inShard = byShard.get(shard);
      if (inShard) inShard.push(city);
      else byShard.set(shard, [city]);
    }
    // One language of one shard at a time: its documents are garbage as soon as they are indexed.
    for (const [shard, shardCities] of byShard) {
      for (const lang of LANGUAGE_CODES) {
        const docs: AnswerDoc[] = [];
        for (const city of shardCities) {
          for (const answer of city.answers) {
            const t = answer.translations[lang];
            if (!t) continue;
            docs.push({
              id: answer.id,
              city: city.id,
              topic: answer.topic,
              title: analysed(t.title ? [t.title] : [], lang),
              questions: analysed(t.questions, lang),
              keywords: analysed(t.keywords, lang),
              // Each term of the text kept once: term frequency in a low-weight field is not
              // worth indexing every occurrence.
              body: t.text ? distinctTerms(t.text, lang) : [],
            });
          }
        }
        if (docs.length === 0) continue;
        let postings = shard.get(lang);
        if (!postings) {
          postings = new TermPostings(newIndex<AnswerDoc>(['title', 'questions', 'keywords', 'body'], ANSWER_BOOST, ['topic', 'city']));
          shard.set(lang, postings);
        }
        postings.index.addAll(docs);
        // New documents change every term's statistics in this shard.
        postings.clear();
      }
    }
    this.corrections.clear();
  }

  /** Searches one city in one language with distinct analysed query terms (exact terms only); best first. */
  search(cityId: string, terms: readonly string[], lang: LanguageCode): IndexHit[] {
    const answers = this.cities.get(cityId);
    if (!answers || terms.length === 0) return [];
    const own = this.shardOf.get(cityId)?.get(lang)?.score(terms, cityId) ?? new Map<string, Scored>();
    const byTopic = this.vocabulary.search(terms, lang);
    const hits: IndexHit[] = [];
    for (const [answerId, topic] of answers) {
      const mine = own.get(answerId);
      const shared = byTopic.get(topic);
      if (!mine && !shared) continue;
      hits.push({
        answerId,
        topic,
        score: (mine?.score ?? 0) + (shared?.score ?? 0),
        matchedTerms: [...new Set([...(mine?.terms ?? []), ...(shared?.terms ?? [])])],
        strongTerms: mine?.strongTerms ?? [],
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
    let known = this.corrections.get(lang);
    if (!known) {
      known = new Map();
      this.corrections.set(lang, known);
    }
    const key = `${cityId} ${term}`;
    const kept = known.get(key);
    if (kept !== undefined) return kept;
    const found = this.findCorrection(cityId, term, lang);
    if (known.size >= TERM_CACHE_LIMIT) known.clear();
    known.set(key, found);
    return found;
  }

  private findCorrection(cityId: string, term: string, lang: LanguageCode): string | null {
    const weights = new Map<string, number>();
    // Prefixes stand in for a stemmer where none exists (Latvian, Persian); elsewhere they cost more than they find.
    const prefix = term.length >= 5 && languageInfo(lang).stemmer === null;
    addCorrections(this.shardOf.get(cityId)?.get(lang)?.index, term, prefix, weights);
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
