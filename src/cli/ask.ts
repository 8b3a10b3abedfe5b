/**
 * `npm run ask -- --city <id> [--lang <code>] --json "question"`
 * `npm run ask -- --json --file questions.jsonl`
 *
 * Prints one JSON object per question (the evaluation contract):
 * {"q","city","lang","detectedLang","outcome","answerId","topic","score"}.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ContentSnapshot, snapshotFromFolder } from '../content/services';
import { isLanguageCode, type LanguageCode } from '../language/languages';

/** One line of the output contract. */
export interface AskResult {
  q: string;
  city: string;
  lang: LanguageCode;
  detectedLang: LanguageCode | null;
  outcome: 'answer' | 'clarify' | 'fallback';
  answerId: string | null;
  topic: string | null;
  score: number;
}

/** One input question (the shape of ../shared/eval/dev.jsonl; extra fields are ignored). */
export interface AskInput {
  q: string;
  city: string;
  lang?: string | null;
}

/** Runs one question through the matcher exactly as the bot does. */
export function ask(snapshot: ContentSnapshot, input: AskInput): AskResult {
  const chosen = input.lang && isLanguageCode(input.lang) ? input.lang : null;
  const result = snapshot.matcher.match({ city: input.city, text: input.q, language: chosen });
  const top = result.outcome === 'fallback' ? undefined : result.candidates[0];
  return {
    q: input.q,
    city: input.city,
    lang: result.language,
    detectedLang: result.detectedLanguage,
    outcome: result.outcome,
    answerId: top?.answerId ?? null,
    topic: top?.topic ?? null,
    score: Math.round(result.confidence * 1000) / 1000,
  };
}

/** Parses a JSONL file of questions; throws with the line number on a bad line. */
export async function readQuestions(file: string): Promise<AskInput[]> {
  const text = await fs.readFile(file, 'utf8');
  const out: AskInput[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const r = row as Partial<AskInput>;
    if (typeof r.q !== 'string' || typeof r.city !== 'string') throw new Error(`${file}:${i + 1}: needs "q" and "city" strings`);
    out.push({ q: r.q, city: r.city, lang: typeof r.lang === 'string' ? r.lang : null });
  });
  return out;
}

const USAGE = 'usage: npm run ask -- --city <id> [--lang <code>] --json "question"\n       npm run ask -- --json --file questions.jsonl';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      city: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
      file: { type: 'string' },
      content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
    },
    allowPositionals: true,
  });
  if (values.lang && !isLanguageCode(values.lang)) throw new Error(`--lang: unsupported language "${values.lang}"`);
  const snapshot = await snapshotFromFolder(path.resolve(values.content));
  const inputs: AskInput[] = values.file
    ? await readQuestions(values.file)
    : positionals.length > 0 && values.city
      ? [{ q: positionals.join(' '), city: values.city, lang: values.lang ?? null }]
      : [];
  if (inputs.length === 0) throw new Error(USAGE);
  const known = snapshot.catalogue.cities.map((c) => c.id).join(', ');
  for (const input of inputs) {
    if (!snapshot.catalogue.city(input.city)) {
      if (!values.file) throw new Error(`unknown city "${input.city}"; known: ${known}`);
      // In a file, one bad line must not cost the others their answers: report it in place.
      console.error(`unknown city "${input.city}" for ${JSON.stringify(input.q)}; known: ${known}`);
      const error: AskResult & { error: string } = {
        q: input.q,
        city: input.city,
        lang: isLanguageCode(input.lang) ? input.lang : 'en',
        detectedLang: null,
        outcome: 'fallback',
        answerId: null,
        topic: null,
        score: 0,
        error: 'unknown city',
      };
      process.stdout.write(`${JSON.stringify(error)}
`);
      continue;
    }
    const result = ask(snapshot, input);
    process.stdout.write(
      values.json ? `${JSON.stringify(result)}\n` : `${result.outcome}\t${result.topic ?? '-'}\t${result.score}\t${result.q}\n`,
    );
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
