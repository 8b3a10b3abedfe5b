/**
 * Loads and validates the content bundle from a folder (content/ by default).
 *
 * The bundle is all-or-nothing: every file is read and checked, every problem is
 * collected with its file, field and reason, and a single `ContentError` lists them all.
 * Nothing is half-loaded.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { load as parseYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { LANGUAGE_CODES, type LanguageCode } from '../language/languages';
import { type AnswerFile, answerSchema, type CityFile, citySchema, type TopicVocabularyFile, topicVocabularySchema } from './schema';
import { TOPIC_IDS } from './topics';

/** One problem found in the bundle. */
export interface ContentProblem {
  /** The file, relative to the bundle root. */
  readonly file: string;
  /** The field inside the file, as a dotted path, or '' for the whole file. */
  readonly field: string;
  readonly message: string;
}

/** Thrown when the bundle is invalid; `problems` lists every problem found. */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `content bundle has ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file}${p.field ? ` [${p.field}]` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** A validated content bundle. */
export interface ContentBundle {
  readonly cities: readonly CityFile[];
  readonly answers: readonly AnswerFile[];
  /** Shared topic vocabulary per language (may be empty). */
  readonly vocabulary: ReadonlyMap<LanguageCode, TopicVocabularyFile>;
}

/** Where things live inside a bundle folder. */
export const BUNDLE_LAYOUT = {
  citiesDir: 'cities',
  cityFile: 'city.yaml',
  vocabularyDir: 'vocabulary',
} as const;

async function listYaml(dir: string): Promise<string[]> {
  try {
    const names = await fs.readdir(dir);
    return names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function listDirs(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Parses and validates one file; on failure records problems and returns undefined. */
async function readValidated<S extends z.ZodType>(
  root: string,
  relative: string,
  schema: S,
  problems: ContentProblem[],
): Promise<z.infer<S> | undefined> {
  let raw: unknown;
  try {
    const text = await fs.readFile(path.join(root, relative), 'utf8');
    // js-yaml refuses duplicate keys, so a key written twice is an error, not a silent overwrite.
    raw = parseYaml(text);
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? '';
    problems.push({ file: relative, field: '', message: err instanceof YAMLException ? `YAML: ${message}` : `cannot read: ${message}` });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file: relative, field: issue.path.join('.'), message: issue.message });
    }
    return undefined;
  }
  return result.data;
}

/** Checks that span files: ids, folders, topic coverage, required languages. */
function crossCheck(cities: CityFile[], answers: Array<{ file: string; answer: AnswerFile }>, problems: ContentProblem[]): void {
  const seenIds = new Map<string, string>();
  const cityById = new Map(cities.map((c) => [c.id, c]));
  for (const { file, answer } of answers) {
    const folder = file.split('/')[1];
    if (answer.city !== folder) {
      problems.push({ file, field: 'city', message: `is "${answer.city}" but the file is in the folder of "${folder}"` });
    }
    const previous = seenIds.get(answer.id);
    if (previous) problems.push({ file, field: 'id', message: `"${answer.id}" is already used by ${previous}` });
    seenIds.set(answer.id, file);
    const city = cityById.get(answer.city);
    if (!city) continue;
    if (answer.status !== 'published') continue;
    for (const lang of new Set<LanguageCode>(['en', ...city.languages])) {
      const t = answer.translations[lang];
      if (!t?.text) {
        problems.push({
          file,
          field: `translations.${lang}`,
          message: `a published answer needs a title and text in ${lang} (English and every language of the city)`,
        });
      }
    }
  }
  for (const city of cities) {
    for (const topic of TOPIC_IDS) {
      const has = answers.some((a) => a.answer.city === city.id && a.answer.topic === topic && a.answer.status === 'published');
      if (!has) {
        problems.push({
          file: `${BUNDLE_LAYOUT.citiesDir}/${city.id}/`,
          field: '',
          message: `no published answer for topic "${topic}"`,
        });
      }
    }
  }
}

/**
 * Reads the bundle at `root`. Throws `ContentError` listing every problem when any
 * file is invalid, so a bad bundle never replaces a good one.
 */
export async function loadBundle(root: string): Promise<ContentBundle> {
  const problems: ContentProblem[] = [];
  const cities: CityFile[] = [];
  const answers: Array<{ file: string; answer: AnswerFile }> = [];
  const citiesRoot = path.join(root, BUNDLE_LAYOUT.citiesDir);
  const cityDirs = await listDirs(citiesRoot);
  if (cityDirs.length === 0) {
    problems.push({ file: BUNDLE_LAYOUT.citiesDir, field: '', message: 'no city folders found' });
  }
  for (const dir of cityDirs) {
    const rel = (name: string) => `${BUNDLE_LAYOUT.citiesDir}/${dir}/${name}`;
    const files = await listYaml(path.join(citiesRoot, dir));
    if (!files.includes(BUNDLE_LAYOUT.cityFile)) {
      problems.push({ file: rel(BUNDLE_LAYOUT.cityFile), field: '', message: 'missing: every city folder needs a city.yaml' });
    }
    for (const name of files) {
      if (name === BUNDLE_LAYOUT.cityFile) {
        const city = await readValidated(root, rel(name), citySchema, problems);
        if (city && city.id !== dir) {
          problems.push({ file: rel(name), field: 'id', message: `is "${city.id}" but the folder is "${dir}"` });
        } else if (city) cities.push(city);
      } else {
        const answer = await readValidated(root, rel(name), answerSchema, problems);
        if (answer) answers.push({ file: rel(name), answer });
      }
    }
  }
  const vocabulary = new Map<LanguageCode, TopicVocabularyFile>();
  for (const name of await listYaml(path.join(root, BUNDLE_LAYOUT.vocabularyDir))) {
    const rel = `${BUNDLE_LAYOUT.vocabularyDir}/${name}`;
    const vocab = await readValidated(root, rel, topicVocabularySchema, problems);
    if (!vocab) continue;
    if (`${vocab.language}.yaml` !== name) {
      problems.push({ file: rel, field: 'language', message: `is "${vocab.language}" but the file name says otherwise` });
    }
    vocabulary.set(vocab.language, vocab);
  }
  crossCheck(cities, answers, problems);
  if (problems.length > 0) throw new ContentError(problems);
  return { cities, answers: answers.map((a) => a.answer), vocabulary };
}

/** Languages without full matching data (≥ 3 example questions and ≥ 1 keyword) in an answer. */
export function missingMatchingLanguages(answer: AnswerFile, minQuestions = 3): LanguageCode[] {
  return LANGUAGE_CODES.filter((lang) => {
    const t = answer.translations[lang];
    return !t || t.questions.length < minQuestions || t.keywords.length === 0;
  });
}
