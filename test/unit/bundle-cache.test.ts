import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths';
import { ContentError, loadBundle } from '../../src/content/bundle';
import { loadBundleCached } from '../../src/content/bundle-cache';

/** A copy of the seed bundle in a temporary folder, and a cache folder beside it. */
async function scratchBundle(): Promise<{ root: string; cache: string }> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'inclubot-cache-'));
  const root = path.join(base, 'content');
  await fs.cp(path.join(PROJECT_ROOT, 'content'), root, { recursive: true });
  return { root, cache: path.join(base, 'cache') };
}

describe('loadBundleCached', () => {
  it('reads the YAML once, then the same bundle from its JSON copy', async () => {
    const { root, cache } = await scratchBundle();
    const first = await loadBundleCached(root, cache);
    expect(first.fromCache).toBe(false);
    const second = await loadBundleCached(root, cache);
    expect(second.fromCache).toBe(true);
    expect(second.bundle.cities).toEqual(first.bundle.cities);
    expect(second.bundle.answers).toEqual(first.bundle.answers);
    expect([...second.bundle.vocabulary.keys()].sort()).toEqual([...first.bundle.vocabulary.keys()].sort());
    expect(second.bundle.vocabulary.get('fr')).toEqual(first.bundle.vocabulary.get('fr'));
    expect(second.bundle.answers).toEqual((await loadBundle(root)).answers);
  });

  it('reads the YAML again after an edit, and a bad edit fails as without the copy', async () => {
    const { root, cache } = await scratchBundle();
    await loadBundleCached(root, cache);
    const file = path.join(root, 'cities', 'capaci', 'city.yaml');
    const original = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, original.replace(/emergencyNumber: .*/, "emergencyNumber: '113'"));
    const edited = await loadBundleCached(root, cache);
    expect(edited.fromCache).toBe(false);
    expect(edited.bundle.cities.find((c) => c.id === 'capaci')?.emergencyNumber).toBe('113');
    await fs.writeFile(file, `${original}\nnotAField: true\n`);
    await expect(loadBundleCached(root, cache)).rejects.toBeInstanceOf(ContentError);
  });

  it('still loads when the copy cannot be written', async () => {
    const { root } = await scratchBundle();
    const blocked = path.join(root, 'cities', 'capaci', 'city.yaml', 'cache');
    const result = await loadBundleCached(root, blocked);
    expect(result.fromCache).toBe(false);
    expect(result.bundle.cities.length).toBe(8);
  });
});
