import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MainDialog } from '../../dialogs/mainDialog';
import type { ContentSnapshot } from '../../src/content/services';
import { TOPIC_IDS } from '../../src/content/topics';
import { realContent } from '../support/app';
import { type TestServices, testServices } from '../support/dialogs';

let content: ContentSnapshot;
beforeAll(async () => {
  content = await realContent();
});

function client(services: TestServices): DialogTestClient {
  return new DialogTestClient('test', new MainDialog(services), undefined, [services.autoSave], services.state.conversationState);
}

/** All replies of one user message (the first comes from sendActivity, the rest from getNextReply). */
async function say(c: DialogTestClient, input: string | Partial<Activity>): Promise<Array<Partial<Activity>>> {
  const replies: Array<Partial<Activity>> = [];
  let reply = (await c.sendActivity(input)) as Partial<Activity> | undefined;
  while (reply) {
    replies.push(reply);
    reply = c.getNextReply() as Partial<Activity> | undefined;
  }
  return replies;
}

const button = (command: string, text = command) => ({ type: 'message', text, value: { command } });
const titles = (a: Partial<Activity> | undefined) => a?.suggestedActions?.actions.map((x) => x.title) ?? [];

describe('MainDialog', () => {
  it('onboards with buttons: language, then city, then the menu in that language', async () => {
    const services = testServices(content);
    const c = client(services);
    const greeting = await say(c, 'hi');
    expect(greeting).toHaveLength(1);
    expect(greeting[0]?.text).toContain('IncluBot');
    expect(titles(greeting[0])).toEqual([
      'English',
      'Français',
      'Nederlands',
      'Español',
      'Italiano',
      'Ελληνικά',
      'Latviešu',
      'العربية',
      'Українська',
      'Русский',
      'فارسی',
      'Türkçe',
    ]);

    const cityQuestion = await say(c, button('cmd:language:fr', 'Français'));
    expect(cityQuestion[0]?.text).toMatch(/ville/i);
    expect(titles(cityQuestion[0])).toHaveLength(8);

    const menu = await say(c, button('cmd:city:brussels', 'Bruxelles'));
    const last = menu.at(-1);
    expect(last?.text).toMatch(/Bruxelles/);
    // 12 topics + language + city, and the call button
    expect(titles(last)).toHaveLength(15);
    expect(titles(last)).toContain('Conseil juridique gratuit');
    expect(last?.locale).toBe('fr');
  });

  it('accepts typed choices: a language name without accents and a city number', async () => {
    const services = testServices(content);
    const c = client(services);
    await say(c, 'hello');
    await say(c, 'francais');
    const menu = await say(c, '4');
    const cityIds = content.catalogue.cities.map((x) => x.id);
    expect(services.profiles()).toEqual([{ language: 'fr', city: cityIds[3] }]);
    expect(menu.at(-1)?.text).toContain(content.catalogue.cityName(cityIds[3] as string, 'fr'));
  });

  it('asks again when the choice is not understood', async () => {
    const c = client(testServices(content));
    await say(c, 'hi');
    const retry = await say(c, 'xyz');
    expect(titles(retry.at(-1))).toHaveLength(12);
  });

  describe('once set up', () => {
    let services: TestServices;
    let c: DialogTestClient;
    beforeEach(async () => {
      services = testServices(content);
      c = client(services);
      await say(c, 'hi');
      await say(c, button('cmd:language:en'));
      await say(c, button('cmd:city:capaci'));
    });

    it('shows a topic answer with its source and verification date', async () => {
      const [answer] = await say(c, button('cmd:topic:legal-advice', 'Free legal advice'));
      const expected = content.catalogue.answersFor('capaci', 'legal-advice')[0];
      expect(answer?.text).toContain(expected?.translations.en?.title);
      expect(answer?.text).toContain(`(${expected?.provenance.sources[0]})`);
      expect(answer?.text).toMatch(/Last checked: \d{1,2} \w+ \d{4}/);
      expect(titles(answer)).toEqual(expect.arrayContaining(['Main menu', '🚨 Emergency']));
      expect(services.usage.events.at(-1)).toMatchObject({ kind: 'topic', topic: 'legal-advice', city: 'capaci' });
    });

    it('picks the n-th button when a number is typed', async () => {
      await say(c, button('cmd:menu'));
      const [answer] = await say(c, String(TOPIC_IDS.indexOf('schooling') + 1));
      expect(answer?.text).toContain(content.catalogue.answersFor('capaci', 'schooling')[0]?.translations.en?.title);
    });

    it('answers a free-text question', async () => {
      const [answer] = await say(c, 'I am sick and need a doctor');
      expect(answer?.text).toContain(content.catalogue.answersFor('capaci', 'health')[0]?.translations.en?.title);
      expect(services.usage.events.at(-1)).toMatchObject({ kind: 'question', outcome: 'answer', topic: 'health' });
    });

    it('says honestly that it does not know, then shows the help desk and the menu', async () => {
      const replies = await say(c, 'who won the football match yesterday');
      expect(replies).toHaveLength(3);
      expect(replies[0]?.text).toMatch(/don't know/);
      expect(replies[1]?.text).toContain(content.catalogue.answersFor('capaci', 'contacts')[0]?.translations.en?.title);
      expect(titles(replies[2])).toHaveLength(15);
      expect(services.usage.questions.at(-1)).toMatchObject({ city: 'capaci', outcome: 'fallback' });
    });

    it('changes language from the menu and shows content translations with a note', async () => {
      await say(c, button('cmd:language'));
      const replies = await say(c, button('cmd:language:it'));
      expect(replies.at(-1)?.text).toMatch(/Capaci/);
      const [answer] = await say(c, button('cmd:topic:health'));
      expect(answer?.text).toContain(content.catalogue.answersFor('capaci', 'health')[0]?.translations.it?.title);
      expect(answer?.locale).toBe('it');
    });

    it('shows English with a note in Arabic when the answer has no Arabic text, right-to-left UI strings', async () => {
      await say(c, button('cmd:language:ar'));
      const [answer] = await say(c, button('cmd:topic:housing'));
      const housing = content.catalogue.answersFor('capaci', 'housing')[0];
      expect(housing?.translations.ar?.text).toBeUndefined();
      expect(answer?.text).toContain(housing?.translations.en?.title);
      expect(answer?.text).toContain('English');
      expect(answer?.locale).toBe('ar');
    });

    it('forgets the user after confirmation, and starts over on the next message', async () => {
      const [confirm] = await say(c, 'forget me');
      expect(titles(confirm)).toEqual(['Yes', 'No']);
      const [done] = await say(c, 'yes');
      expect(done?.text).toMatch(/forgotten/);
      expect(services.profiles()).toEqual([]);
      const [greeting] = await say(c, 'hello again');
      expect(titles(greeting)).toHaveLength(12);
    });

    it('keeps the choices when the user says no', async () => {
      await say(c, button('cmd:forget'));
      const [kept] = await say(c, 'no');
      expect(kept?.text).toMatch(/keep/);
      expect(services.profiles()).toEqual([{ language: 'en', city: 'capaci' }]);
    });
  });

  it('answers a question typed before onboarding once language and city are known', async () => {
    const c = client(testServices(content));
    const first = await say(c, 'I need a free lawyer please');
    // A full sentence tells the language; the city is asked next.
    expect(titles(first.at(-1))).toHaveLength(12);
    const after = await say(c, button('cmd:language:en'));
    expect(titles(after.at(-1))).toHaveLength(8);
    const answer = await say(c, button('cmd:city:mechelen'));
    expect(answer.at(-1)?.text).toContain(content.catalogue.answersFor('mechelen', 'legal-advice')[0]?.translations.en?.title);
  });
});
