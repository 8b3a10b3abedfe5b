/**
 * A real browser (Debian's Chromium driven by playwright-core) opens the web chat page,
 * picks language and city, clicks a topic and sees the answer. Screenshots are saved in
 * test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningApp, realContent, startApp } from '../support/app';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A visible button by its label (Web Chat also keeps a hidden copy for screen readers). */
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).filter({ visible: true }).first();

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  running = await startApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

describe('the web chat page', () => {
  it('lets a person pick language and city, click a topic and read the answer', async () => {
    const content = await realContent();
    const page = await browser.newPage({ viewport: { width: 420, height: 860 } });
    await page.goto(running.url);
    await button(page, 'Français').click({ timeout: 30000 });
    await button(page, content.catalogue.cityName('capaci', 'fr')).click({ timeout: 30000 });
    await button(page, 'Cours de langue').click({ timeout: 30000 });
    const answer = content.catalogue.answersFor('capaci', 'language-courses')[0];
    // Capaci has no French text: the English one is shown, with a note in French.
    const title = answer ? content.catalogue.localize(answer, 'fr').title : '';
    expect(title).not.toBe('');
    await page.getByText(title).filter({ visible: true }).first().waitFor({ timeout: 30000 });
    const file = path.join(ARTIFACTS, 'webchat-capaci-fr.png');
    await page.screenshot({ path: file, fullPage: false });
    await page.close();
  });

  it('starts in the language and city given in the URL, right-to-left for Arabic', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 860 } });
    await page.goto(`${running.url}/?lang=ar&city=livadia`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const strings = (await import('../../locales/ar/translation.json')).default as { topics: { health: string } };
    await button(page, strings.topics.health).waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-livadia-ar.png') });
    await page.close();
  });
});
