/**
 * Drives the local Direct Line with the official client library (botframework-directlinejs,
 * polling), in both modes: no app id, and an app id configured for the Azure channels.
 */
import { type Activity, ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import { type RunningApp, realContent, startApp } from '../support/app';

// botframework-directlinejs uses the browser's XMLHttpRequest through rxjs' ajax.
// biome-ignore lint/suspicious/noExplicitAny: global shim for the client library
(global as any).XMLHttpRequest = require('xhr2');

async function token(url: string): Promise<string> {
  const res = await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' });
  return ((await res.json()) as { token: string }).token;
}

/** Collects bot activities until `count` have arrived. */
function botActivities(client: DirectLine, count: number, timeoutMs = 20000): Promise<Activity[]> {
  return new Promise((resolve, reject) => {
    const got: Activity[] = [];
    const timer = setTimeout(() => reject(new Error(`only ${got.length} of ${count} bot activities arrived`)), timeoutMs);
    const sub = client.activity$.subscribe((a) => {
      if (a.from.role === 'bot' || a.from.id !== 'tester') got.push(a);
      if (got.length >= count) {
        clearTimeout(timer);
        sub.unsubscribe();
        resolve(got);
      }
    });
  });
}

function send(client: DirectLine, activity: Partial<Activity>): Promise<string> {
  return new Promise((resolve, reject) => {
    client.postActivity({ from: { id: 'tester' }, ...activity } as Activity).subscribe({ next: resolve, error: reject });
  });
}

async function conversation(running: RunningApp) {
  const client = new DirectLine({
    token: await token(running.url),
    domain: `${running.url}/v3/directline`,
    webSocket: false,
    pollingInterval: 100,
  });
  await new Promise<void>((resolve) => {
    const sub = client.connectionStatus$.subscribe((s) => {
      if (s === ConnectionStatus.Online) {
        sub.unsubscribe();
        resolve();
      }
    });
  });
  return client;
}

describe.each([
  ['without an app id', {}],
  [
    'with an app id (no call to Azure)',
    { MicrosoftAppId: '00000000-0000-0000-0000-000000000002', MicrosoftAppPassword: 'not-a-real-secret' },
  ],
])('local Direct Line %s', (_name, env) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp(env as Record<string, string>);
  });
  afterAll(async () => {
    await running.close();
  });

  it('greets on join and answers through the Bot Connector path', async () => {
    const client = await conversation(running);
    const greeting = botActivities(client, 1);
    await send(client, { type: 'event', name: 'webchat/join', value: { language: 'nl', city: 'mechelen' } });
    const [menu] = await greeting;
    expect(menu?.type).toBe('message');
    expect((menu as { text?: string }).text).toContain('Mechelen');
    expect(menu?.channelId).toBe('webchat');

    const answer = botActivities(client, 1);
    await send(client, { type: 'message', text: 'gratis juridisch advies' });
    const [reply] = await answer;
    const legal = (await realContent()).catalogue.answersFor('mechelen', 'legal-advice')[0];
    expect((reply as { text?: string }).text).toContain(legal?.translations.nl?.title);
    expect((reply as { replyToId?: string }).replyToId).toBeTruthy();
    client.end();
  });

  it('refuses a wrong token and an unknown conversation', async () => {
    const res = await fetch(`${running.url}/v3/directline/conversations/nope/activities`, { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(403);
  });

  it('refuses posts to the connector without the per-process key', async () => {
    const res = await fetch(`${running.url}/v3/conversations/x/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
  });
});
