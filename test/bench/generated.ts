/**
 * The generated corpus of the matcher benchmark: the real answers copied over many cities,
 * every one with a text in all 12 languages, so that the index is as big as real content
 * of that size would make it.
 */
import type { ContentBundle } from '../../src/content/bundle';
import type { AnswerFile, CityFile } from '../../src/content/schema';
import { LANGUAGE_CODES } from '../../src/language/languages';

/** A generated bundle: `cities` cities × `answersPerCity` answers, each in all 12 languages. */
export function generatedBundle(real: ContentBundle, cities: number, answersPerCity: number): ContentBundle {
  const source = real.answers;
  const cityFiles: CityFile[] = [];
  const answers: AnswerFile[] = [];
  for (let c = 0; c < cities; c++) {
    const id = `gen-city-${c}`;
    cityFiles.push({
      id,
      name: { en: `Generated ${c}` },
      country: 'BE',
      languages: ['fr'],
      emergencyNumber: '112',
      sources: ['https://example.org'],
    });
    for (let a = 0; a < answersPerCity; a++) {
      const base = source[(c * answersPerCity + a) % source.length] as AnswerFile;
      const translations: AnswerFile['translations'] = {};
      for (const lang of LANGUAGE_CODES) {
        const t = base.translations[lang] ?? base.translations.en;
        const en = base.translations.en;
        if (!t || !en) continue;
        // Every language gets a text, and every city its own words, so the index is as big as a real one.
        translations[lang] = {
          title: t.title ?? en.title,
          text: `${t.text ?? en.text} ${id} ${a}`,
          questions: t.questions.map((q) => `${q} ${a}`),
          keywords: [...t.keywords, `${id}-${a}`],
          machineTranslated: true,
        };
      }
      answers.push({ ...base, id: `${id}-${a}`, city: id, translations });
    }
  }
  return { cities: cityFiles, answers, vocabulary: real.vocabulary };
}
