import { TOPIC_IDS } from '../../src/content/topics';
import { type RunningApp, startApp } from '../support/app';

function activity(text: string, conversation: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    from: { id: `user-${conversation}`, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: conversation },
    id: `${conversation}-${Math.random()}`,
    ...extra,
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as { activities?: Array<{ text?: string; suggestedActions?: unknown }> }) : undefined,
  };
}

describe('POST /api/messages without an app id (embedded default)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running.close();
  });

  it('answers health and readiness', async () => {
    expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({ status: 'alive' });
    expect(await (await fetch(`${running.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('returns the replies in the response body with deliveryMode expectReplies', async () => {
    const first = await post(running.url, activity('hello', 'c1'));
    expect(first.status).toBe(200);
    expect(first.body?.activities?.[0]?.text).toContain('IncluBot');
    await post(running.url, activity('Español', 'c1'));
    const menu = await post(running.url, activity('fuenlabrada', 'c1'));
    expect(menu.body?.activities?.at(-1)?.text).toContain('Fuenlabrada');
    const answer = await post(running.url, activity('¿Cómo me empadrono?', 'c1'));
    expect(answer.body?.activities?.[0]?.text).toMatch(/padr[oó]n/i);
  });

  it('hands single-turn messages and multi-turn commands to the right place', async () => {
    const c = 'c-turns';
    const say = async (text: string, value?: string) =>
      (await post(running.url, activity(text, c, value ? { value: { command: value } } : {}))).body?.activities ?? [];
    await say('hello');
    await say('English');
    await say('capaci');
    // A topic button and a question: answered at once.
    expect((await say('Health', 'cmd:topic:health'))[0]?.text).toMatch(/health|doctor|medic/i);
    expect((await say('where can I learn Italian?'))[0]?.text).toMatch(/italian/i);
    // "Change language" needs a second turn: the language buttons, then the choice.
    const languages = await say('Change language', 'cmd:language');
    expect(languages.at(-1)?.text).toMatch(/language/i);
    const changed = await say('Italiano');
    expect(changed.map((a) => a.text).join(' ')).toMatch(/italiano/i);
    // A typed number picks the n-th button shown last (the menu's first topic).
    const typed = await say('1');
    await say('menu', 'cmd:menu');
    const pressed = await say(TOPIC_IDS[0], `cmd:topic:${TOPIC_IDS[0]}`);
    expect(typed[0]?.text).toBeTruthy();
    expect(typed[0]?.text).toBe(pressed[0]?.text);
    // "Forget me" asks first; yes forgets, and the next message starts over.
    expect((await say('forget', 'cmd:forget'))[0]?.text).toMatch(/\?/);
    await say('sì', 'cmd:yes');
    expect((await say('ciao'))[0]?.text).toContain('IncluBot');
  });

  it('sends security headers and no stack traces on errors', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toMatch(/at .*\.js:\d+/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('POST /api/messages with an app id (Azure channels)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  });
  afterAll(async () => {
    await running.close();
  });

  it('refuses unauthenticated callers with 401', async () => {
    expect((await post(running.url, activity('hello', 'c2'))).status).toBe(401);
    expect((await post(running.url, activity('hello', 'c3'), { authorization: 'Bearer forged.token.here' })).status).toBe(401);
  });
});
