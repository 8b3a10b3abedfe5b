/**
 * `npm run content:check [folder]`: validates a content bundle and prints a coverage table.
 * Exit code 1 when the bundle is invalid.
 */
import path from 'node:path';
import { ContentError, loadBundle, missingMatchingLanguages } from '../content/bundle';

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'content');
  try {
    const bundle = await loadBundle(root);
    console.log(
      `OK: ${bundle.cities.length} cities, ${bundle.answers.length} answers, vocabulary for ${bundle.vocabulary.size} language(s)`,
    );
    let gaps = 0;
    for (const answer of bundle.answers) {
      const missing = missingMatchingLanguages(answer);
      if (missing.length > 0) {
        gaps++;
        console.log(`  ${answer.id}: matching data (>= 3 questions, keywords) missing for ${missing.join(', ')}`);
      }
    }
    if (gaps === 0) console.log('every answer has example questions and keywords in all 12 languages');
  } catch (err) {
    if (err instanceof ContentError) {
      console.error(err.message);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

void main();
