/**
 * Builds the bot's replies from content and UI strings: menus, answers, clarifications and
 * the honest "I don't know". No channel or botbuilder knowledge here.
 */
import type { Catalogue, LocalizedAnswer } from '../content/catalogue';
import { TOPIC_IDS, type TopicId } from '../content/topics';
import type { Strings, Translate } from '../language/i18n';
import { LANGUAGE_CODES, type LanguageCode, languageInfo } from '../language/languages';
import type { MatchCandidate } from '../search/matcher';
import type { Reply, ReplyButton, ReplyLink } from './reply';

/** Who we are talking to: enough to phrase a reply. */
export interface Audience {
  readonly language: LanguageCode;
  readonly city: string;
}

const dateFormats = new Map<LanguageCode, Intl.DateTimeFormat>();

/** Formats a YYYY-MM-DD date for a language ("24 November 2026"). */
export function formatDate(isoDate: string, lang: LanguageCode): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  let format = dateFormats.get(lang);
  if (!format) {
    // British English writes dates as Europeans read them (24 November 2026).
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Builds every reply the conversation sends. Replies depend only on the content snapshot,
 * the language and the city, so the common ones are built once and reused.
 */
export class Replies {
  private readonly memo = new Map<string, Reply | Reply[]>();

  private memoized<R extends Reply | Reply[]>(key: string, build: () => R): R {
    let reply = this.memo.get(key) as R | undefined;
    if (!reply) {
      reply = build();
      this.memo.set(key, reply);
    }
    return reply;
  }

  constructor(
    private readonly catalogue: Catalogue,
    private readonly strings: Strings,
  ) {}

  private t(lang: LanguageCode): Translate {
    return this.strings.for(lang);
  }

  private reply(lang: LanguageCode, text: string, buttons: ReplyButton[] = [], links: ReplyLink[] = []): Reply {
    return { text, buttons, links, language: lang, direction: languageInfo(lang).direction };
  }

  /** The emergency call link: one tap away in every reply that has buttons. */
  private emergencyLink(a: Audience): ReplyLink {
    const number = this.catalogue.city(a.city)?.emergencyNumber ?? '112';
    return { label: `📞 ${this.t(a.language)('buttons.emergency', { number })}`, url: `tel:${number}` };
  }

  private navigation(a: Audience): ReplyButton[] {
    const t = this.t(a.language);
    return [
      { label: t('buttons.menu'), command: { kind: 'menu' } },
      { label: `🚨 ${t('topics.emergency')}`, command: { kind: 'topic', topic: 'emergency' } },
    ];
  }

  /** The label of a topic button. */
  topicLabel(topic: TopicId, lang: LanguageCode): string {
    return this.t(lang)(`topics.${topic}`);
  }

  /** Greeting and the language buttons (in each language's own name). */
  chooseLanguage(lang: LanguageCode): Reply {
    return this.memoized(`language/${lang}`, () => this.buildChooseLanguage(lang));
  }

  private buildChooseLanguage(lang: LanguageCode): Reply {
    const t = this.t(lang);
    const buttons: ReplyButton[] = LANGUAGE_CODES.map((code) => ({
      label: languageInfo(code).nativeName,
      command: { kind: 'language', language: code },
    }));
    return this.reply(lang, `${t('welcome.hello')}\n\n${t('welcome.chooseLanguage')}`, buttons);
  }

  /** The city buttons. */
  chooseCity(lang: LanguageCode): Reply {
    const buttons: ReplyButton[] = this.catalogue.cities.map((c) => ({
      label: this.catalogue.cityName(c.id, lang),
      command: { kind: 'city', city: c.id },
    }));
    return this.reply(lang, this.t(lang)('welcome.chooseCity'), buttons);
  }

  /** Confirms a language choice. */
  languageSet(lang: LanguageCode): Reply {
    return this.reply(lang, this.t(lang)('settings.languageSet', { language: languageInfo(lang).nativeName }));
  }

  /** The main menu: the 12 topics, then language and city. */
  menu(a: Audience, intro?: string): Reply {
    return intro ? this.buildMenu(a, intro) : this.memoized(`menu/${a.language}/${a.city}`, () => this.buildMenu(a));
  }

  private buildMenu(a: Audience, intro?: string): Reply {
    const t = this.t(a.language);
    const topics: ReplyButton[] = TOPIC_IDS.map((topic) => ({
      label: topic === 'emergency' ? `🚨 ${this.topicLabel(topic, a.language)}` : this.topicLabel(topic, a.language),
      command: { kind: 'topic', topic },
    }));
    const settings: ReplyButton[] = [
      { label: `🌐 ${t('buttons.changeLanguage')}`, command: { kind: 'language' } },
      { label: `📍 ${t('buttons.changeCity')}`, command: { kind: 'city' } },
    ];
    const cityName = this.catalogue.cityName(a.city, a.language);
    const text = [intro, `**${cityName}**: ${t('menu.prompt')} ${t('menu.typeHint')}`].filter(Boolean).join('\n\n');
    return this.reply(a.language, text, [...topics, ...settings], [this.emergencyLink(a)]);
  }

  /** One answer, with its source, freshness and honesty notes. */
  answer(a: Audience, answerId: string): Reply | null {
    const answer = this.catalogue.answer(answerId);
    if (!answer || answer.city !== a.city) return null;
    return this.render(a, this.catalogue.localize(answer, a.language));
  }

  /** Every answer of a topic in the user's city (usually one). */
  topic(a: Audience, topic: TopicId): Reply[] {
    return this.catalogue.answersFor(a.city, topic).map((answer) => this.render(a, this.catalogue.localize(answer, a.language)));
  }

  private render(a: Audience, shown: LocalizedAnswer): Reply {
    return this.memoized(`answer/${shown.id}/${a.language}`, () => this.buildAnswer(a, shown));
  }

  private buildAnswer(a: Audience, shown: LocalizedAnswer): Reply {
    const t = this.t(a.language);
    const notes: string[] = [];
    if (shown.isFallbackLanguage) notes.push(t('answer.shownInOtherLanguage', { language: languageInfo(shown.language).nativeName }));
    else if (shown.machineTranslated) notes.push(t('answer.machineTranslated'));
    const footer = [
      shown.sources[0] ? `${t('buttons.source')}: [${hostOf(shown.sources[0])}](${shown.sources[0]})` : '',
      t('answer.verified', { date: formatDate(shown.verifiedOn, a.language) }),
    ]
      .filter(Boolean)
      .join(' · ');
    const parts = [
      notes.length > 0 ? `_${notes.join(' ')}_` : '',
      `**${shown.title}**`,
      shown.text.trim(),
      `_${footer}_`,
      shown.needsReview ? `_${t('answer.needsReview')}_` : '',
    ].filter(Boolean);
    // The answer's own text decides direction when it is shown in another language.
    return {
      text: parts.join('\n\n'),
      buttons: this.navigation(a),
      links: [this.emergencyLink(a)],
      language: a.language,
      direction: languageInfo(shown.language).direction,
    };
  }

  /** Two or three close candidates as buttons. */
  clarify(a: Audience, candidates: readonly MatchCandidate[]): Reply {
    const key = `clarify/${a.language}/${a.city}/${candidates.map((c) => c.answerId).join('/')}`;
    return this.memoized(key, () => this.buildClarify(a, candidates));
  }

  private buildClarify(a: Audience, candidates: readonly MatchCandidate[]): Reply {
    const t = this.t(a.language);
    const buttons: ReplyButton[] = candidates.map((c) => {
      const answer = this.catalogue.answer(c.answerId);
      const title = answer ? this.catalogue.localize(answer, a.language) : undefined;
      const label = title && !title.isFallbackLanguage ? title.title : this.topicLabel(c.topic, a.language);
      return { label, command: { kind: 'answer', answerId: c.answerId } };
    });
    return this.reply(a.language, t('clarify.prompt'), [...buttons, ...this.navigation(a)], [this.emergencyLink(a)]);
  }

  /** The honest "I don't know": the city's help desk, then the menu. */
  fallback(a: Audience): readonly Reply[] {
    return this.memoized(`fallback/${a.language}/${a.city}`, () => this.buildFallback(a));
  }

  private buildFallback(a: Audience): Reply[] {
    const t = this.t(a.language);
    const cityName = this.catalogue.cityName(a.city, a.language);
    const intro = this.reply(a.language, `${t('fallback.notFound', { city: cityName })} ${t('fallback.askContacts')}`);
    const contacts = this.topic(a, 'contacts');
    return [intro, ...contacts.slice(0, 1), this.menu(a, t('fallback.seeMenu'))];
  }

  /** Asks to confirm "forget me". */
  forgetConfirm(lang: LanguageCode): Reply {
    const t = this.t(lang);
    return this.reply(lang, t('settings.forgetConfirm'), [
      { label: t('buttons.yes'), command: { kind: 'yes' } },
      { label: t('buttons.no'), command: { kind: 'no' } },
    ]);
  }

  /** A short message with no buttons. */
  say(lang: LanguageCode, key: string, options?: Record<string, unknown>): Reply {
    return this.reply(lang, this.t(lang)(key, options));
  }

  /** The apology sent when a turn fails, with the emergency number. */
  error(lang: LanguageCode, emergencyNumber = '112'): Reply {
    return this.reply(lang, this.t(lang)('errors.generic', { number: emergencyNumber }));
  }
}
