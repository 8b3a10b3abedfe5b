import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES_DIR, Strings } from '../../src/language/i18n';
import { LANGUAGE_CODES } from '../../src/language/languages';

function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const read = (lang: string) =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, lang, 'translation.json'), 'utf8')) as Record<string, unknown>;

describe('locales', () => {
  const english = keys(read('en')).sort();
  it.each(LANGUAGE_CODES.filter((l) => l !== 'en'))('%s has exactly the English keys and placeholders', (lang) => {
    const data = read(lang);
    expect(keys(data).sort()).toEqual(english);
    const flat = (o: unknown): string[] => (typeof o === 'string' ? [o] : o && typeof o === 'object' ? Object.values(o).flatMap(flat) : []);
    const placeholders = (o: unknown) =>
      flat(o)
        .flatMap((s) => s.match(/\{\{\w+\}\}/g) ?? [])
        .sort();
    expect(placeholders(data)).toEqual(placeholders(read('en')));
    expect((data.words as { numbers: string[] }).numbers).toHaveLength(12);
  });
  it('translates with fallback to English and interpolation', () => {
    const strings = new Strings();
    expect(strings.languages.sort()).toEqual([...LANGUAGE_CODES].sort());
    expect(strings.for('fr')('buttons.emergency', { number: '112' })).toContain('112');
    expect(strings.for('fr')('topics.health')).not.toBe(strings.for('en')('topics.health'));
    expect(strings.for('ar')('no.such.key')).toBe('no.such.key');
  });
});
