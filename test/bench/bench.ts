/**
 * `npm run bench [-- --quick]`: throughput, latency, matcher speed, index build, heap and
 * start-up, measured in one run so that the ratios are fair on a shared machine.
 * The last line is one JSON object with every figure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { readEvalRows } from '../../src/cli/evaluate';
import { type ContentBundle, loadBundle } from '../../src/content/bundle';
import { Catalogue } from '../../src/content/catalogue';
import { TOPIC_IDS } from '../../src/content/topics';
import { isLanguageCode } from '../../src/language/languages';
import { Matcher } from '../../src/search/matcher';
import { generatedBundle } from './generated';

const ROOT = path.resolve(__dirname, '../..');
const QUICK = process.argv.includes('--quick');
const LOAD_SECONDS = QUICK ? 12 : 36;
/** Alternating bot/echo rounds, each LOAD_SECONDS / ROUNDS long. */
const ROUNDS = QUICK ? 3 : 5;
/** Builds of the 100-city corpus; the median is reported. */
const BUILDS_100 = QUICK ? 1 : 3;
const CONNECTIONS = 16;
const USERS = QUICK ? 200 : 1000;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Starts a server script in its own process and resolves when /readyz answers; returns the time it took. */
async function startServer(script: string, port: number, env: Record<string, string> = {}): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const args = script.endsWith('.js') ? ['--no-deprecation', script] : ['--no-deprecation', '--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return { child, ms: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The realistic mix, per user: 50% free-text questions, 40% topic buttons, 10% menu. Each user
 * has a language and a city (those of one dev question); four questions in five are in their
 * own language, the fifth in another one (people do switch).
 */
function requestBodies(questions: readonly { q: string; lang: string; city: string }[]): { warmup: string[]; mix: string[] } {
  const activity = (user: number, extra: Record<string, unknown>) =>
    JSON.stringify({
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      from: { id: `bench-user-${user}`, role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      conversation: { id: `bench-conversation-${user}` },
      ...extra,
    });
  const byLanguage = new Map<string, string[]>();
  for (const row of questions) byLanguage.set(row.lang, [...(byLanguage.get(row.lang) ?? []), row.q]);
  const warmup: string[] = [];
  const mix: string[] = [];
  for (let u = 0; u < USERS; u++) {
    const home = questions[u % questions.length];
    const lang = home && isLanguageCode(home.lang) ? home.lang : 'en';
    const own = byLanguage.get(lang) ?? [];
    warmup.push(activity(u, { type: 'event', name: 'webchat/join', value: { language: lang, city: home?.city ?? 'capaci' } }));
    for (let k = 0; k < 6; k++) {
      const pick = (u * 7 + k) % 10;
      if (pick < 5) {
        const text = k % 5 === 4 || own.length === 0 ? questions[(u * 13 + k) % questions.length]?.q : own[(u * 13 + k) % own.length];
        mix.push(activity(u, { type: 'message', text: text ?? 'school' }));
      } else if (pick < 9) {
        const topic = TOPIC_IDS[(u + k) % TOPIC_IDS.length];
        mix.push(activity(u, { type: 'message', text: topic, value: { command: `cmd:topic:${topic}` } }));
      } else mix.push(activity(u, { type: 'message', text: 'menu', value: { command: 'cmd:menu' } }));
    }
  }
  return { warmup, mix };
}

async function load(
  url: string,
  bodies: readonly string[],
  seconds: number,
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  let i = 0;
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function post(url: string, body: string): Promise<void> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (!res.ok) throw new Error(`warm-up request failed: ${res.status}`);
  await res.text();
}

function heapMb(): number {
  (global as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function matcherLatency(
  matcher: Matcher,
  questions: readonly { q: string; lang: string; city: string }[],
  rounds: number,
): { p50: number; p99: number } {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const row of questions) {
      const t = performance.now();
      matcher.match({ city: row.city, text: row.q, language: isLanguageCode(row.lang) ? row.lang : null });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Build time, heap and latency on the generated 100-city corpus. */
function benchGenerated(real: ContentBundle, rows: readonly { q: string; lang: string; city: string }[]): Record<string, number> {
  const figures: Record<string, number> = {};
  const generated = generatedBundle(real, 100, 30);
  // The median of a few builds: one build is a few seconds, long enough for a neighbour on
  // this shared machine to take a core for part of it.
  const builds: number[] = [];
  let matcher100: Matcher | null = null;
  for (let i = 0; i < BUILDS_100; i++) {
    matcher100 = null;
    const heap1 = heapMb();
    const t = performance.now();
    matcher100 = new Matcher(new Catalogue(generated));
    builds.push(performance.now() - t);
    figures.heapMb100 = round(heapMb() - heap1, 1);
  }
  if (!matcher100) throw new Error('no build');
  figures.buildMs100 = round(
    percentile(
      [...builds].sort((a, b) => a - b),
      50,
    ),
    1,
  );
  console.log(`100-city builds: ${builds.map((b) => Math.round(b)).join(', ')} ms`);
  const genQuestions = rows.map((r, i) => ({ ...r, city: `gen-city-${i % 100}` }));
  matcherLatency(matcher100, genQuestions, 2);
  const m100 = matcherLatency(matcher100, genQuestions, QUICK ? 10 : 50);
  figures.matcherP50Ms100 = round(m100.p50);
  figures.matcherP99Ms100 = round(m100.p99);
  console.log(
    `matcher, 100 cities: p50 ${figures.matcherP50Ms100} ms, p99 ${figures.matcherP99Ms100} ms; build ${figures.buildMs100} ms, heap ${figures.heapMb100} MB`,
  );

  return figures;
}

async function main(): Promise<void> {
  const figures: Record<string, number | string> = {};
  const rows = await readEvalRows(path.resolve(ROOT, '../shared/eval/dev.jsonl'));
  const real = await loadBundle(path.resolve(ROOT, 'content'));

  // 3. Start-up (first, while this process is still small): process start to /readyz, embedded content.
  const starts: number[] = [];
  for (let i = 0; i < (QUICK ? 2 : 5); i++) {
    const { child, ms } = await startServer('dist/src/index.js', 3990 + i);
    starts.push(ms);
    await stop(child);
  }
  starts.sort((a, b) => a - b);
  figures.startupMs = round(percentile(starts, 50), 0);
  console.log(`start-up to ready: median ${figures.startupMs} ms of ${starts.map((s) => Math.round(s)).join(', ')}`);

  // 2. Matcher on the 8 cities.
  const t = performance.now();
  const heap0 = heapMb();
  const matcher8 = new Matcher(new Catalogue(real));
  figures.buildMs8 = round(performance.now() - t, 1);
  figures.heapMb8 = round(heapMb() - heap0, 1);
  // Cold: every question's words seen for the first time (no kept postings yet).
  const cold = matcherLatency(matcher8, rows, 1);
  figures.matcherColdP99Ms8 = round(cold.p99);
  matcherLatency(matcher8, rows, 3);
  const m8 = matcherLatency(matcher8, rows, QUICK ? 20 : 100);
  figures.matcherP50Ms8 = round(m8.p50);
  figures.matcherP99Ms8 = round(m8.p99);
  console.log(
    `matcher, 8 cities: p50 ${figures.matcherP50Ms8} ms, p99 ${figures.matcherP99Ms8} ms (first sight of each question: p99 ${figures.matcherColdP99Ms8} ms); build ${figures.buildMs8} ms`,
  );

  // 2b. Matcher on 100 generated cities × 12 languages × 30 answers (in a function, so that
  // its gigabyte is garbage before the load test).
  Object.assign(figures, benchGenerated(real, rows));
  heapMb();

  // 1. Throughput: the real bot and the echo bot, same load, in alternating rounds so that a
  // busy moment of this shared machine does not fall on one side only; medians of the rounds.
  const { warmup, mix } = requestBodies(rows);
  const bot = await startServer('dist/src/index.js', 3981);
  const echo = await startServer('dist/test/bench/echo-server.js', 3982);
  const servers = ['http://127.0.0.1:3981', 'http://127.0.0.1:3982'] as const;
  for (const url of servers) {
    for (const body of warmup) await post(url, body);
    await load(url, mix, QUICK ? 10 : 12);
  }
  const rounds: Array<Array<Awaited<ReturnType<typeof load>>>> = [[], []];
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, url] of servers.entries()) rounds[i]?.push(await load(url, mix, LOAD_SECONDS / ROUNDS));
  }
  await stop(bot.child);
  await stop(echo.child);
  const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  const summary = (runs: ReadonlyArray<Awaited<ReturnType<typeof load>>>) => ({
    rps: median(runs.map((x) => x.rps)),
    p50: median(runs.map((x) => x.p50)),
    p99: median(runs.map((x) => x.p99)),
    errors: runs.reduce((sum, x) => sum + x.errors, 0),
  });
  const botLoad = summary(rounds[0] ?? []);
  const echoLoad = summary(rounds[1] ?? []);
  Object.assign(figures, {
    botRps: round(botLoad.rps, 1),
    echoRps: round(echoLoad.rps, 1),
    throughputRatio: round(botLoad.rps / echoLoad.rps),
    botP50Ms: botLoad.p50,
    echoP50Ms: echoLoad.p50,
    botP99Ms: botLoad.p99,
    echoP99Ms: echoLoad.p99,
    p99Ratio: round(botLoad.p99 / Math.max(1, echoLoad.p99)),
    botErrors: botLoad.errors,
    echoErrors: echoLoad.errors,
    loadRounds: ROUNDS,
  });
  console.log(
    `rounds (bot/echo req/s): ${(rounds[0] ?? []).map((b, i) => `${Math.round(b.rps)}/${Math.round(rounds[1]?.[i]?.rps ?? 0)}`).join(', ')}`,
  );
  console.log(`bot: ${figures.botRps} req/s, p50 ${figures.botP50Ms} ms, p99 ${figures.botP99Ms} ms (${figures.botErrors} errors)`);
  console.log(`echo: ${figures.echoRps} req/s, p50 ${figures.echoP50Ms} ms, p99 ${figures.echoP99Ms} ms (${figures.echoErrors} errors)`);
  figures.machine = `${require('node:os').cpus().length} cores, Node ${process.version}`;
  figures.mode = QUICK ? 'quick' : 'full';
  console.log(JSON.stringify(figures));
}

main().catch((err: Error) => {
  console.error(err);
  process.exitCode = 1;
});
