/**
 * The in-memory Catalogue: a read-only snapshot of one bundle, indexed per city and topic.
 * The bot answers from it without touching a database (DESIGN.md decision 1).
 */
import { type LanguageCode, languageInfo } from '../language/languages';
import type { ContentBundle } from './bundle';
import type { AnswerFile, CityFile, TopicVocabularyFile } from './schema';
import { TOPIC_IDS, type TopicId } from './topics';

/** An answer ready to show: one language chosen, with the facts about that choice. */
export interface LocalizedAnswer {
  readonly id: string;
  readonly city: string;
  readonly topic: TopicId;
  readonly title: string;
  readonly text: string;
  /** The language the text is in. */
  readonly language: LanguageCode;
  /** The language the user asked for. */
  readonly requestedLanguage: LanguageCode;
  /** True when the text is not in the requested language. */
  readonly isFallbackLanguage: boolean;
  readonly machineTranslated: boolean;
  readonly sources: readonly string[];
  readonly verifiedOn: string;
  readonly needsReview: boolean;
}

/** A snapshot of all published content. Immutable: a content change builds a new one. */
export class Catalogue {
  private readonly citiesById: ReadonlyMap<string, CityFile>;
  private readonly answersById: ReadonlyMap<string, AnswerFile>;
  private readonly byCityTopic: ReadonlyMap<string, readonly AnswerFile[]>;

  /** Builds a snapshot; drafts are left out. */
  constructor(private readonly bundle: ContentBundle) {
    this.citiesById = new Map(bundle.cities.map((c) => [c.id, c]));
    const published = bundle.answers.filter((a) => a.status === 'published');
    this.answersById = new Map(published.map((a) => [a.id, a]));
    const byCityTopic = new Map<string, AnswerFile[]>();
    for (const a of published) {
      const key = `${a.city}/${a.topic}`;
      const list = byCityTopic.get(key) ?? [];
      list.push(a);
      byCityTopic.set(key, list);
    }
    this.byCityTopic = byCityTopic;
  }

  /** Every city, in bundle order. */
  get cities(): readonly CityFile[] {
    return this.bundle.cities;
  }

  /** The city with this id, if any. */
  city(id: string): CityFile | undefined {
    return this.citiesById.get(id);
  }

  /** Published answers of one city. */
  answersOfCity(cityId: string): AnswerFile[] {
    return TOPIC_IDS.flatMap((topic) => this.answersFor(cityId, topic));
  }

  /** Published answers for one city and topic (usually one). */
  answersFor(cityId: string, topic: TopicId): readonly AnswerFile[] {
    return this.byCityTopic.get(`${cityId}/${topic}`) ?? [];
  }

  /** A published answer by id. */
  answer(id: string): AnswerFile | undefined {
    return this.answersById.get(id);
  }

  /** The shared topic vocabulary of a language, if the bundle has one. */
  vocabulary(lang: LanguageCode): TopicVocabularyFile | undefined {
    return this.bundle.vocabulary.get(lang);
  }

  /** The city's name in a language, falling back to English. */
  cityName(cityId: string, lang: LanguageCode): string {
    const city = this.citiesById.get(cityId);
    if (!city) return cityId;
    return city.name[lang] ?? city.name.en ?? cityId;
  }

  /**
   * Picks the text to show: the requested language, else English, else the city's
   * languages in order (DESIGN.md decision 5), and says whether it fell back.
   */
  localize(answer: AnswerFile, requested: LanguageCode): LocalizedAnswer {
    const city = this.citiesById.get(answer.city);
    const order: LanguageCode[] = [requested, 'en', ...(city?.languages ?? [])];
    for (const lang of order) {
      const t = answer.translations[lang];
      if (t?.title && t.text) {
        return {
          id: answer.id,
          city: answer.city,
          topic: answer.topic,
          title: t.title,
          text: t.text,
          language: lang,
          requestedLanguage: requested,
          isFallbackLanguage: lang !== requested,
          machineTranslated: t.machineTranslated,
          sources: answer.provenance.sources,
          verifiedOn: answer.provenance.verifiedOn,
          needsReview: answer.provenance.needsReview,
        };
      }
    }
    // The loader guarantees an English text for published answers; this is a programming error.
    throw new Error(`answer ${answer.id} has no displayable text (${languageInfo(requested).englishName} requested)`);
  }
}
