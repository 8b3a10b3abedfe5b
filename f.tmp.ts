import { readEvalRows } from './src/cli/evaluate';
import { snapshotFromFolder } from './src/content/services';
import { isLanguageCode } from './src/language/languages';
(async () => {
  const s = await snapshotFromFolder('content');
  const rows = await readEvalRows('../shared/eval/dev.jsonl');
  const out: string[] = [];
  for (const r of rows) {
    const m = s.matcher.match({ city: r.city, text: r.q, language: isLanguageCode(r.lang) ? r.lang : null });
    if (m.emergency) continue;
    const f = m.features;
    out.push(`${r.topic === 'out-of-scope' ? 'OOS' : m.candidates[0]?.topic === r.topic || (m.outcome==='fallback') ? 'in ' : 'BAD'} cov=${f?.coverage.toFixed(2)} n=${f?.termCount} s=${f?.topScore.toFixed(2)} m=${f?.margin.toFixed(2)} c=${m.confidence.toFixed(2)} ${r.q}`);
  }
  out.sort((a, b) => Number(a.split('s=')[1]?.split(' ')[0]) - Number(b.split('s=')[1]?.split(' ')[0]));
  console.log(out.slice(0, 45).join('\n'));
})();
