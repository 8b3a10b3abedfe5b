import type { ContentSnapshot } from '../../src/content/services';
import { DEFAULT_CALIBRATION } from '../../src/search/confidence';
import { hasEmergencyWord } from '../../src/search/emergency';
import { Matcher, UnknownCityError } from '../../src/search/matcher';
import { realContent } from '../support/app';

let content: ContentSnapshot;
beforeAll(async () => {
  content = await realContent();
});

const match = (city: string, text: string, language: string | null = null) =>
  content.matcher.match({ city, text, language: language as never });

describe('emergency priority', () => {
  it.each([
    ['capaci', 'there is a fire, call the firefighters'],
    ['brussels', 'police! someone attacked me'],
    ['jelgava', 'нужна скорая помощь'],
    ['livadia', 'χρειάζομαι ασθενοφόρο'],
    ['mechelen', 'acil ambulans'],
    ['fuenlabrada', 'إسعاف بسرعة'],
    ['saint-jean-de-la-ruelle', 'екстрена допомога'],
    ['schaerbeek', 'اورژانس'],
    ['jelgava', 'ārkārtas situācija'],
  ])('%s: "%s" is answered with the emergency answer', (city, text) => {
    const r = match(city, text);
    expect(r.outcome).toBe('answer');
    expect(r.candidates[0]?.topic).toBe('emergency');
    expect(r.emergency).toBe(true);
  });

  it('wins even when another topic matches strongly', () => {
    const r = match('capaci', 'call the police, my landlord is evicting me from my flat');
    expect(r.candidates[0]?.topic).toBe('emergency');
  });

  it('does not fire on ordinary words or on numbers in long sentences', () => {
    expect(hasEmergencyWord('I need a doctor for my child')).toBe(false);
    expect(hasEmergencyWord('my rent is 100 euros a week for a room')).toBe(false);
    expect(hasEmergencyWord('166')).toBe(true);
    expect(hasEmergencyWord('call 112 now please, it is urgent')).toBe(true);
  });
});

describe('three outcomes', () => {
  it('answers a clear question', () => {
    const r = match('capaci', 'where can I learn Italian for free', 'en');
    expect(r.outcome).toBe('answer');
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0]?.topic).toBe('language-courses');
    expect(r.confidence).toBeGreaterThanOrEqual(DEFAULT_CALIBRATION.answerAt);
  });

  it.each([
    ['fuenlabrada', 'what will the weather be like this weekend'],
    ['brussels', 'tell me a funny joke'],
    ['mechelen', 'who won the football match yesterday'],
    ['livadia', 'best pizza recipe'],
  ])('%s: out-of-scope "%s" ends in fallback', (city, text) => {
    const r = match(city, text, 'en');
    expect(r.outcome).toBe('fallback');
    expect(r.candidates).toEqual([]);
    expect(r.confidence).toBeLessThan(DEFAULT_CALIBRATION.clarifyAt);
  });

  it('offers two or three close candidates as a clarification', () => {
    // Thresholds set so that any ranking with a close runner-up clarifies: this tests the mechanism.
    const strict = new Matcher(content.catalogue, {
      calibration: { ...DEFAULT_CALIBRATION, answerAt: 1.01, clarifyAt: 0, closeRatio: 0.01 },
    });
    const r = strict.match({ city: 'capaci', text: 'school for my children and a doctor', language: 'en' });
    expect(r.outcome).toBe('clarify');
    expect(r.candidates.length).toBeGreaterThanOrEqual(2);
    expect(r.candidates.length).toBeLessThanOrEqual(3);
    const topics = r.candidates.map((c) => c.topic);
    expect(topics).toEqual(expect.arrayContaining(['schooling', 'health']));
  });

  it('rejects an unknown city', () => {
    expect(() => match('atlantis', 'hello')).toThrow(UnknownCityError);
  });
});

describe('languages', () => {
  it('finds a question written in another language than the chosen one', () => {
    const r = match('mechelen', 'I need a free lawyer', 'ar');
    expect(r.candidates[0]?.topic).toBe('legal-advice');
    expect(r.language).toBe('ar');
    expect(r.detectedLanguage).toBe('en');
  });

  it('detects the language when none was chosen', () => {
    const r = match('jelgava', 'где найти работу');
    expect(r.detectedLanguage).toBe('ru');
    expect(r.language).toBe('ru');
    expect(r.candidates[0]?.topic).toBe('employment');
  });

  it('matches a question in a language the answer text lacks (only example questions exist)', () => {
    const r = match('capaci', 'çocuğumu okula nasıl kaydettirebilirim', 'tr');
    expect(r.outcome).not.toBe('fallback');
    expect(r.candidates[0]?.topic).toBe('schooling');
    expect(content.catalogue.answer(r.candidates[0]?.answerId ?? '')?.translations.tr?.text).toBeUndefined();
  });

  it('tolerates typos where exact terms fail', () => {
    const r = match('brussels', 'I need a lawer', 'en');
    expect(r.candidates[0]?.topic).toBe('legal-advice');
    const s = match('capaci', 'iscrizone scuola bambino', 'it');
    expect(s.candidates[0]?.topic).toBe('schooling');
  });

  it('answers without accents and with letter variants', () => {
    expect(match('saint-jean-de-la-ruelle', 'ou apprendre le francais', 'fr').candidates[0]?.topic).toBe('language-courses');
    expect(match('livadia', 'χρειαζομαι γιατρο', 'el').candidates[0]?.topic).toBe('health');
  });
});
