import { Strings } from '../../src/language/i18n';
import type { LanguageCode } from '../../src/language/languages';
import { recognizeOption, recognizeSmallNumber, recognizeYesNo } from '../../src/language/recognize';

const strings = new Strings();

describe('recognizeSmallNumber', () => {
  it.each<[LanguageCode, string, number]>([
    ['en', 'three', 3],
    ['fr', 'trois', 3],
    ['es', 'tres', 3],
    // recognizers-text has no Number model for these: our fallback words must answer
    ['it', 'tre', 3],
    ['el', 'τρία', 3],
    ['el', 'τρια', 3],
    ['lv', 'trīs', 3],
    ['lv', 'tris', 3],
    ['ar', 'ثلاثة', 3],
    ['uk', 'три', 3],
    ['ru', 'три', 3],
    ['fa', 'سه', 3],
    ['tr', 'üç', 3],
    ['tr', 'uc', 3],
    ['nl', 'drie', 3],
  ])('%s "%s" is %d', (lang, text, n) => {
    expect(recognizeSmallNumber(text, lang, strings)).toBe(n);
  });
  it('reads digits in any script', () => {
    expect(recognizeSmallNumber('7', 'tr', strings)).toBe(7);
    expect(recognizeSmallNumber('٣', 'ar', strings)).toBe(3);
    expect(recognizeSmallNumber('۵', 'fa', strings)).toBe(5);
  });
  it('reads digits inside a few words: with the recognizers-text model for en/es/fr, our own rule elsewhere', () => {
    expect(recognizeSmallNumber('number 3', 'en', strings)).toBe(3);
    expect(recognizeSmallNumber('the 3rd', 'en', strings)).toBe(3);
    expect(recognizeSmallNumber('le 3e', 'fr', strings)).toBe(3);
    expect(recognizeSmallNumber('numara 3', 'tr', strings)).toBe(3);
    expect(recognizeSmallNumber('номер 4', 'ru', strings)).toBe(4);
    expect(recognizeSmallNumber('3 or 4', 'tr', strings)).toBeNull();
  });
  it('does not take a sentence with a number as a choice', () => {
    expect(recognizeSmallNumber('I have 3 children', 'en', strings)).toBeNull();
    expect(recognizeSmallNumber('у меня три ребенка', 'ru', strings)).toBeNull();
  });
});

describe('recognizeYesNo', () => {
  it.each<[LanguageCode, string, boolean]>([
    ['en', 'yes', true],
    ['fr', 'non', false],
    ['nl', 'ja', true],
    ['it', 'sì', true],
    ['it', 'no', false],
    ['el', 'ναι', true],
    ['el', 'οχι', false],
    ['lv', 'jā', true],
    ['lv', 'nē', false],
    ['ar', 'نعم', true],
    ['ar', 'لا', false],
    ['uk', 'так', true],
    ['uk', 'ні', false],
    ['ru', 'да', true],
    ['ru', 'нет', false],
    ['fa', 'بله', true],
    ['fa', 'نه', false],
    ['tr', 'evet', true],
    ['tr', 'hayir', false],
  ])('%s "%s" is %s', (lang, text, value) => {
    expect(recognizeYesNo(text, lang, strings)).toBe(value);
  });
  it('answers null when it is neither', () => {
    expect(recognizeYesNo('maybe tomorrow', 'en', strings)).toBeNull();
    expect(recognizeYesNo('μπορεί', 'el', strings)).toBeNull();
  });
});

describe('recognizeOption', () => {
  const options = [
    { value: 'a', names: ['Ελληνικά', 'Greek'] },
    { value: 'b', names: ['Français', 'French'] },
  ];
  it('picks by position and by name, ignoring case and accents', () => {
    expect(recognizeOption('2', options, 'en', strings)).toBe('b');
    expect(recognizeOption('δύο', options, 'el', strings)).toBe('b');
    expect(recognizeOption('francais', options, 'en', strings)).toBe('b');
    expect(recognizeOption('ελληνικα!', options, 'en', strings)).toBe('a');
    expect(recognizeOption('5', options, 'en', strings)).toBeNull();
    expect(recognizeOption('German', options, 'en', strings)).toBeNull();
  });
});
