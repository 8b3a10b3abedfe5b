import autocannon from 'autocannon';
import { readEvalRows } from './src/cli/evaluate';
import { TOPIC_IDS } from './src/content/topics';
(async () => {
  const port = Number(process.argv[2] ?? 3985);
  const rows = await readEvalRows('../shared/eval/dev.jsonl');
  const act = (u: number, extra: object) => JSON.stringify({ channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', from: { id: `u${u}` }, recipient: { id: 'bot' }, conversation: { id: `c${u}` }, ...extra });
  for (let u = 0; u < 300; u++) await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: act(u, { type: 'event', name: 'webchat/join', value: { language: rows[u % rows.length]!.lang, city: rows[u % rows.length]!.city } }) });
  const bodies: string[] = [];
  for (let u = 0; u < 300; u++) for (let k = 0; k < 6; k++) { const pick = (u * 7 + k) % 10; bodies.push(pick < 5 ? act(u, { type: 'message', text: rows[(u * 13 + k) % rows.length]!.q }) : pick < 9 ? act(u, { type: 'message', text: 'x', value: { command: `cmd:topic:${TOPIC_IDS[(u + k) % 12]}` } }) : act(u, { type: 'message', text: 'menu', value: { command: 'cmd:menu' } })); }
  let i = 0;
  const r = await autocannon({ url: `http://127.0.0.1:${port}/api/messages`, connections: 16, duration: 8, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req: any) => ({ ...req, body: bodies[i++ % bodies.length] }) }] });
  console.log('rps', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx, 'errors', r.errors);
})();
