import { analyzeTerms, dominantScript, fold, tokenize } from '../../src/search/analysis';

describe('fold', () => {
  it('removes Latin accents and Latvian diacritics', () => {
    expect(fold('École Mācīties Ārkārtas Niño')).toBe('ecole macities arkartas nino');
  });
  it('removes Greek tonos and unifies final sigma', () => {
    expect(fold('Πού είναι ο γιατρός')).toBe('που ειναι ο γιατροσ');
  });
  it('folds Turkish dotted and dotless i alike', () => {
    expect(fold('İŞ ışık Iğdır')).toBe(fold('is isik igdir'));
  });
  it('unifies Arabic and Persian letter variants and drops harakat and tatweel', () => {
    expect(fold('إسعاف')).toBe(fold('اسعاف'));
    expect(fold('مدرسة')).toBe(fold('مدرسه'));
    expect(fold('کمک ی')).toBe(fold('كمك ي'));
    expect(fold('مَدْرَسَة')).toBe(fold('مدرسة'));
    expect(fold('طـــوارئ')).toBe(fold('طوارئ'));
  });
  it('folds Cyrillic ё and Arabic-Indic digits', () => {
    expect(fold('жильё')).toBe('жилье');
    expect(fold('١١٢ ۱۱۲')).toBe('112 112');
  });
});

describe('tokenize', () => {
  it('keeps words of every script and splits on punctuation and ZWNJ', () => {
    expect(tokenize('Hello, κόσμε! привет; مرحبا؟ بچه\u200cام')).toEqual(['Hello', 'κόσμε', 'привет', 'مرحبا', 'بچه', 'ام']);
  });
});

describe('analyzeTerms', () => {
  it('stems so that inflected forms meet', () => {
    expect(analyzeTerms('logements', 'fr')).toEqual(analyzeTerms('logement', 'fr'));
    expect(analyzeTerms('работу', 'ru')).toEqual(analyzeTerms('работа', 'ru'));
    expect(analyzeTerms('γιατρό', 'el')).toEqual(analyzeTerms('γιατρός', 'el'));
    expect(analyzeTerms('okula', 'tr')).toEqual(analyzeTerms('okul', 'tr'));
    expect(analyzeTerms('المدرسة', 'ar')).toEqual(analyzeTerms('مدرسة', 'ar'));
  });
  it('matches words typed without accents to accented ones', () => {
    expect(analyzeTerms('ecole', 'fr')).toEqual(analyzeTerms('école', 'fr'));
    expect(analyzeTerms('macities', 'lv')).toEqual(analyzeTerms('mācīties', 'lv'));
  });
  it('strips Latvian and Persian endings with the light stemmer (no library stemmer exists)', () => {
    expect(analyzeTerms('valodu', 'lv')).toEqual(analyzeTerms('valoda', 'lv'));
    expect(analyzeTerms('کلاس‌ها', 'fa')).toContain(analyzeTerms('کلاس', 'fa')[0]);
  });
  it('keeps a word whole across Arabic vowel marks and decomposed accents', () => {
    expect(analyzeTerms('مُسَاعَدَة قانونية', 'ar')).toEqual(analyzeTerms('مساعدة قانونية', 'ar'));
    expect(analyzeTerms('e\u0301cole', 'fr')).toEqual(analyzeTerms('école', 'fr'));
    expect(analyzeTerms('İSTANBUL IŞIK', 'tr')).toEqual(analyzeTerms('istanbul ışık', 'tr'));
  });

  it('drops stop words but keeps the words that carry meaning here', () => {
    expect(analyzeTerms('where is the school', 'en')).toEqual(['school']);
    expect(analyzeTerms('I need help with work', 'en')).toEqual(expect.arrayContaining(['need', 'help', 'work']));
  });
});

describe('dominantScript', () => {
  it.each([
    ['where is the doctor', 'latin'],
    ['που είναι', 'greek'],
    ['де лікар', 'cyrillic'],
    ['أين الطبيب', 'arabic'],
    ['112', 'other'],
    ['Ἀθήνα, πού είναι το νοσοκομείο;', 'greek'],
    ['çalışma izni nasıl alınır', 'latin'],
    ['کجا بیمه بگیرم', 'arabic'],
    ['你好吗', 'other'],
    ['hello 你好', 'latin'],
  ])('%s is %s', (text, script) => {
    expect(dominantScript(text)).toBe(script);
  });
});
