/**
 * Drives the local Direct Line with the official client library (botframework-directlinejs,
 * polling), in both modes: no app id, and an app id configured for the Azure channels.
 */
import { type Activity, ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import { type RunningApp, realContent, startApp } from '../support/app';

// botframework-directlinejs expects browser globals: XMLHttpRequest (rxjs' ajax, which
// polling uses) and WebSocket (referenced at construction even when polling).
Object.assign(globalThis, { XMLHttpRequest: require('xhr2'), WebSocket: globalThis.WebSocket ?? require('ws') });

async function token(url: string): Promise<string> {
  const res = await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' });
  return ((await res.json()) as { token: string }).token;
}

/** A client plus everything it has received so far. */
interface Session {
  readonly client: DirectLine;
  readonly received: Activity[];
  /** Resolves when `count` bot activities have arrived after position `from`. */
  botActivities(from: number, count: number): Promise<Activity[]>;
}

async function session(running: RunningApp): Promise<Session> {
  const client = new DirectLine({
    token: await token(running.url),
    domain: `${running.url}/v3/directline`,
    webSocket: false,
    pollingInterval: 200,
  });
  const received: Activity[] = [];
  // Subscribing to activity$ is what makes the client connect and poll.
  // (end() makes the stream error with "conversation ended": expected at the end of a test)
  client.activity$.subscribe({ next: (a) => received.push(a), error: () => undefined });
  await new Promise<void>((resolve) => {
    const sub = client.connectionStatus$.subscribe((s) => {
      if (s === ConnectionStatus.Online) {
        sub.unsubscribe();
        resolve();
      }
    });
  });
  const botActivities = async (from: number, count: number) => {
    const deadline = Date.now() + 20000;
    for (;;) {
      const bots = received.slice(from).filter((a) => a.from.id !== 'tester');
      if (bots.length >= count) return bots.slice(0, count);
      if (Date.now() > deadline) throw new Error(`only ${bots.length} of ${count} bot activities arrived`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { client, received, botActivities };
}

function send(client: DirectLine, activity: Partial<Activity>): Promise<string> {
  return new Promise((resolve, reject) => {
    client.postActivity({ from: { id: 'tester' }, ...activity } as Activity).subscribe({ next: resolve, error: reject });
  });
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
    const { client, received, botActivities } = await session(running);
    let from = received.length;
    await send(client, { type: 'event', name: 'webchat/join', value: { language: 'nl', city: 'mechelen' } });
    const [menu] = await botActivities(from, 1);
    expect(menu?.type).toBe('message');
    expect((menu as { text?: string }).text).toContain('Mechelen');
    expect(menu?.channelId).toBe('webchat');

    from = received.length;
    await send(client, { type: 'message', text: 'gratis juridisch advies' });
    const [reply] = await botActivities(from, 1);
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
