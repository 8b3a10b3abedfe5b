import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import { ContentError, loadBundle, missingMatchingLanguages } from '../../src/content/bundle';
import { TOPIC_IDS } from '../../src/content/topics';
import { LANGUAGE_CODES } from '../../src/language/languages';
import { CONTENT_DIR } from '../support/app';

/** The parts of an answer file these tests change. */
interface EditableAnswer {
  topic: string;
  provenance: { sources: string[] };
  translations: Record<string, unknown>;
}

async function readAnswer(file: string): Promise<EditableAnswer> {
  return load(await readFile(file, 'utf8')) as EditableAnswer;
}

const CITY_IDS = ['livadia', 'saint-jean-de-la-ruelle', 'capaci', 'fuenlabrada', 'brussels', 'schaerbeek', 'mechelen', 'jelgava'];

describe('the seed bundle in content/', () => {
  let bundle: Awaited<ReturnType<typeof loadBundle>>;
  beforeAll(async () => {
    bundle = await loadBundle(CONTENT_DIR);
  });

  it('has the 8 cities of CONTENT.md', () => {
    expect(bundle.cities.map((c) => c.id).sort()).toEqual([...CITY_IDS].sort());
  });

  it('covers every topic in every city with a published answer in English and the city languages', () => {
    for (const city of bundle.cities) {
      for (const topic of TOPIC_IDS) {
        const answers = bundle.answers.filter((a) => a.city === city.id && a.topic === topic && a.status === 'published');
        expect(answers.length).toBeGreaterThanOrEqual(1);
        for (const answer of answers) {
          for (const lang of ['en', ...city.languages] as const) {
            expect(answer.translations[lang]?.text?.length ?? 0).toBeGreaterThan(20);
          }
        }
      }
    }
  });

  it('gives every answer at least 3 example questions and keywords in all 12 languages', () => {
    const gaps = bundle.answers.map((a) => ({ id: a.id, missing: missingMatchingLanguages(a) })).filter((g) => g.missing.length > 0);
    expect(gaps).toEqual([]);
  });

  it('keeps provenance on every answer: a source URL, a verification date, a review flag', () => {
    for (const a of bundle.answers) {
      expect(a.provenance.sources.length).toBeGreaterThan(0);
      expect(a.provenance.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (a.provenance.needsReview) expect(a.provenance.reviewNote).toBeTruthy();
    }
  });

  it('has shared vocabulary for all 12 languages', () => {
    expect([...bundle.vocabulary.keys()].sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  it('puts no phone number in a text unless a source is given for the answer', () => {
    // A weak but useful guard: a phone-like number in a text must come with sources.
    for (const a of bundle.answers) {
      for (const t of Object.values(a.translations)) {
        if (t?.text && /\d{2}[\s.]?\d{2}[\s.]?\d{2}[\s.]?\d{2}/.test(t.text)) expect(a.provenance.sources.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('loading a broken bundle', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inclubot-bundle-'));
    await mkdir(path.join(dir, 'cities'));
    await cp(path.join(CONTENT_DIR, 'cities', 'capaci'), path.join(dir, 'cities', 'capaci'), { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a valid copy', async () => {
    const b = await loadBundle(dir);
    expect(b.cities).toHaveLength(1);
    expect(b.answers).toHaveLength(12);
  });

  it('fails with the file, the field and the reason, and loads nothing', async () => {
    const file = path.join(dir, 'cities', 'capaci', 'health.yaml');
    const doc = await readAnswer(file);
    doc.topic = 'weather';
    doc.provenance.sources = ['not a url'];
    await writeFile(file, dump(doc));
    const error = await loadBundle(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'cities/capaci/health.yaml', field: 'topic' }),
        expect.objectContaining({ file: 'cities/capaci/health.yaml', field: 'provenance.sources.0', message: 'an absolute http(s) URL' }),
        // health is now missing, so the city no longer covers every topic
        expect.objectContaining({ file: 'cities/capaci/', message: 'no published answer for topic "health"' }),
      ]),
    );
    expect((error as Error).message).toContain('cities/capaci/health.yaml [topic]');
  });

  it('reports broken YAML, a missing city.yaml, duplicate ids and a missing translation', async () => {
    await writeFile(path.join(dir, 'cities', 'capaci', 'extra.yaml'), 'id: [unclosed\n');
    await mkdir(path.join(dir, 'cities', 'nowhere'));
    const housing = path.join(dir, 'cities', 'capaci', 'housing.yaml');
    const doc = await readAnswer(housing);
    delete doc.translations.it;
    await writeFile(path.join(dir, 'cities', 'capaci', 'housing-copy.yaml'), dump(doc));
    const error = (await loadBundle(dir).catch((e: unknown) => e)) as ContentError;
    const files = error.problems.map((p) => `${p.file}|${p.field}`);
    expect(files).toEqual(
      expect.arrayContaining([
        'cities/capaci/extra.yaml|',
        'cities/nowhere/city.yaml|',
        'cities/capaci/housing.yaml|id',
        'cities/capaci/housing-copy.yaml|translations.it',
      ]),
    );
  });
});
