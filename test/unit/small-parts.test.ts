import { channelLanguage, inputFromActivity } from '../../src/bot/input';
import { DirectLineConversations } from '../../src/channels/directline/conversations';
import { splitText, toPlainText } from '../../src/channels/markdown';
import { renderPlain, renderTeams, renderTelegram, renderWebChat, TELEGRAM_MAX_LENGTH } from '../../src/channels/renderers';
import { type Command, decodeCommand, encodeCommand } from '../../src/conversation/commands';
import type { Reply } from '../../src/conversation/reply';
import { languageFromLocale } from '../../src/language/languages';
import { ExpiringMemoryStorage } from '../../src/store/expiring-memory-storage';
import { redact } from '../../src/telemetry/redact';
import { InMemoryUsage } from '../../src/telemetry/usage';

describe('commands', () => {
  it.each<Command>([
    { kind: 'menu' },
    { kind: 'topic', topic: 'health' },
    { kind: 'answer', answerId: 'capaci-health' },
    { kind: 'language', language: 'fa' },
    { kind: 'language' },
    { kind: 'city', city: 'saint-jean-de-la-ruelle' },
    { kind: 'forget' },
  ])('round-trips %j', (command) => {
    expect(decodeCommand(encodeCommand(command))).toEqual(command);
  });
  it('refuses anything else', () => {
    expect(decodeCommand('cmd:topic:weather')).toBeNull();
    expect(decodeCommand('cmd:language:de')).toBeNull();
    expect(decodeCommand('hello')).toBeNull();
    expect(decodeCommand(42)).toBeNull();
  });
});

describe('reading input', () => {
  it('takes a command from messageBack values, postBack text and Teams submits', () => {
    expect(inputFromActivity({ text: 'Health', value: { command: 'cmd:topic:health' } }).command).toEqual({
      kind: 'topic',
      topic: 'health',
    });
    expect(inputFromActivity({ text: 'cmd:menu' })).toEqual({ command: { kind: 'menu' }, text: '' });
    expect(inputFromActivity({ text: ' where is school ' })).toEqual({ command: null, text: 'where is school' });
  });
  it('reads the language from Telegram channelData or the locale', () => {
    expect(channelLanguage({ channelData: { message: { from: { language_code: 'uk' } } } })).toBe('uk');
    expect(channelLanguage({ locale: 'fr-BE' })).toBe('fr');
    expect(channelLanguage({ locale: 'de-DE' })).toBeNull();
    expect(languageFromLocale('pt_BR')).toBeNull();
  });
});

const reply: Reply = {
  text: '**Title**\n\n- first [link](https://example.org/a_b)\n- _second_ (x.y!)',
  buttons: [
    { label: 'Menu', command: { kind: 'menu' } },
    { label: 'Health', command: { kind: 'topic', topic: 'health' } },
  ],
  links: [{ label: 'Call 112', url: 'tel:112' }],
  language: 'en',
  direction: 'ltr',
};

describe('renderers', () => {
  it('Web Chat: markdown and messageBack suggested actions carrying the command', () => {
    const [a] = renderWebChat(reply);
    expect(a?.textFormat).toBe('markdown');
    expect(a?.suggestedActions?.actions.map((x) => x.type)).toEqual(['openUrl', 'messageBack', 'messageBack']);
    expect(a?.suggestedActions?.actions[2]?.value).toEqual({ command: 'cmd:topic:health' });
  });
  it('Telegram: plain text (no markdown to break), the phone number in the text, postBack buttons', () => {
    const [a] = renderTelegram(reply);
    expect(a?.textFormat).toBe('plain');
    expect(a?.text).toContain('Title');
    expect(a?.text).not.toContain('**');
    expect(a?.text).toContain('link (https://example.org/a_b)');
    expect(a?.text).toContain('Call 112');
    expect(a?.suggestedActions?.actions.every((x) => x.type === 'postBack')).toBe(true);
  });
  it('Telegram: splits long texts under 4,096 characters and puts buttons on the last part', () => {
    const long = { ...reply, text: Array.from({ length: 900 }, (_, i) => `word${i} and more`).join(' ') };
    const parts = renderTelegram(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect((p.text ?? '').length).toBeLessThanOrEqual(TELEGRAM_MAX_LENGTH);
    expect(parts.filter((p) => p.suggestedActions)).toHaveLength(1);
    expect(parts.at(-1)?.suggestedActions).toBeDefined();
  });
  it('Teams: an Adaptive Card with submit buttons (Teams shows no suggested actions)', () => {
    const [a] = renderTeams({ ...reply, direction: 'rtl' });
    expect(a?.suggestedActions).toBeUndefined();
    const card = a?.attachments?.[0]?.content as { actions: Array<{ type: string; data?: { command: string } }>; rtl: boolean };
    expect(card.rtl).toBe(true);
    expect(card.actions.map((x) => x.type)).toEqual(['Action.Submit', 'Action.Submit']);
    expect(card.actions[1]?.data?.command).toBe('cmd:topic:health');
  });
  it('plain: numbered options', () => {
    const [a] = renderPlain(reply);
    expect(a?.text).toContain('1. Menu\n2. Health');
    expect(a?.text).toContain('Call 112: 112');
  });
  it('markdown helpers', () => {
    expect(toPlainText('see [site](https://x.org) and **bold**')).toBe('see site (https://x.org) and bold');
    expect(splitText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
  });
});

describe('privacy', () => {
  it('redacts e-mails, phone numbers, ids and URLs', () => {
    const text = 'I am at maria.k@example.com or +32 470 12 34 56, case X1234567A, see https://evil.example/x';
    const out = redact(text);
    expect(out).not.toMatch(/maria|470|X1234567A|evil/);
    expect(out).toContain('[email]');
    expect(out).toContain('[number]');
    expect(out).toContain('[id]');
    expect(out).toContain('[url]');
    expect(redact('where is the school')).toBe('where is the school');
  });
  it('keeps only redacted text of unanswered questions', () => {
    const usage = new InMemoryUsage();
    usage.unanswered({ at: new Date(), city: 'capaci', language: 'en', outcome: 'fallback', rawText: 'call me on 0470 123 456' });
    expect(usage.questions[0]?.text).toBe('call me on [number]');
  });
  it('user state expires after the set time', async () => {
    let now = 0;
    const storage = new ExpiringMemoryStorage(1000, () => now);
    await storage.write({ a: { language: 'fr' } });
    expect(await storage.read(['a'])).toHaveProperty('a.language', 'fr');
    now = 1001;
    expect(await storage.read(['a'])).toEqual({});
    expect(storage.size).toBe(0);
  });
  it('storage enforces eTags', async () => {
    const storage = new ExpiringMemoryStorage(1000);
    await storage.write({ a: { n: 1 } });
    const read = (await storage.read(['a'])).a as { eTag: string };
    await storage.write({ a: { n: 2, eTag: read.eTag } });
    await expect(storage.write({ a: { n: 3, eTag: read.eTag } })).rejects.toThrow(/eTag conflict/);
  });
});

describe('Direct Line conversations', () => {
  it('bounds history, advances watermarks and expires idle conversations', () => {
    let now = 0;
    const table = new DirectLineConversations({ maxHistory: 3, idleMs: 100, maxConversations: 2 }, () => now);
    const c = table.create();
    expect(c.id.length).toBeGreaterThanOrEqual(22);
    for (let i = 0; i < 5; i++) table.append(c, { type: 'message', text: String(i) });
    const all = table.since(c, undefined);
    expect(all.activities.map((a) => a.text)).toEqual(['2', '3', '4']);
    expect(all.watermark).toBe('4');
    expect(table.since(c, 3).activities.map((a) => a.text)).toEqual(['4']);
    expect(table.byToken(c.token)?.id).toBe(c.id);
    now = 101;
    expect(table.get(c.id)).toBeUndefined();
  });
  it('keeps at most maxConversations, dropping the oldest', () => {
    let now = 0;
    const table = new DirectLineConversations({ maxHistory: 3, idleMs: 1000, maxConversations: 2 }, () => now);
    const a = table.create();
    now = 1;
    table.create();
    now = 2;
    table.create();
    expect(table.get(a.id)).toBeUndefined();
    expect(table.size).toBe(2);
  });
});
