/**
 * A JSON copy of the last bundle that loaded without problems, kept between starts. Parsing
 * and validating 1.4 MB of YAML is about a quarter of a second of start-up; reading the JSON
 * copy is a few milliseconds. The copy is keyed by a hash of every content file and of the
 * loader and schema code, so an edited file (or a new version of the bot) is always read from
 * the YAML and validated again, and a bad edit still fails as it would without the copy.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LanguageCode } from '../language/languages';
import { type ContentBundle, loadBundle } from './bundle';
import type { AnswerFile, CityFile, TopicVocabularyFile } from './schema';

/** What the JSON copy holds. */
interface CachedBundle {
  readonly key: string;
  readonly cities: readonly CityFile[];
  readonly answers: readonly AnswerFile[];
  readonly vocabulary: ReadonlyArray<[LanguageCode, TopicVocabularyFile]>;
}

/** How a bundle was loaded. */
export interface CachedLoad {
  readonly bundle: ContentBundle;
  /** True when the bundle came from the JSON copy. */
  readonly fromCache: boolean;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFiles(full)));
    else if (entry.name.endsWith('.yaml') || entry.name.endsWith('.yml')) out.push(full);
  }
  return out.sort();
}

/** The code whose changes must invalidate the copy: the loader and the schema. */
const CODE_FILES = [require.resolve('./bundle'), require.resolve('./schema'), __filename];

/** A hash of every content file (name and bytes) and of the loader code. */
async function bundleKey(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await yamlFiles(root)), ...CODE_FILES]) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(await fs.readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Loads the bundle in `root`, from the JSON copy in `cacheDir` when it matches the files,
 * else from the YAML (then writes the copy; a copy that cannot be written is skipped).
 * Throws `ContentError` for a bad bundle, exactly as `loadBundle`.
 */
export async function loadBundleCached(root: string, cacheDir: string): Promise<CachedLoad> {
  const key = await bundleKey(root);
  const file = path.join(cacheDir, 'content-bundle.json');
  try {
    const cached = JSON.parse(await fs.readFile(file, 'utf8')) as CachedBundle;
    if (cached.key === key) {
      return { bundle: { cities: cached.cities, answers: cached.answers, vocabulary: new Map(cached.vocabulary) }, fromCache: true };
    }
  } catch {
    // No copy yet, or an unreadable one: read the YAML.
  }
  const bundle = await loadBundle(root);
  const copy: CachedBundle = { key, cities: bundle.cities, answers: bundle.answers, vocabulary: [...bundle.vocabulary] };
  try {
    await fs.mkdir(cacheDir, { recursive: true });
    // Written whole, then renamed, so a reader never sees half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(copy));
    await fs.rename(temporary, file);
  } catch {
    // A read-only disk only costs the next start a quarter of a second.
  }
  return { bundle, fromCache: false };
}
