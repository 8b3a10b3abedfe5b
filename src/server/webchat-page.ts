/**
 * The web chat page: Bot Framework Web Chat from the installed package (no CDN), talking to
 * the local Direct Line by polling. `?lang=fr&city=brussels` preselects language and city;
 * the page sends the `webchat/join` event on connect, so the bot greets first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { JOIN_EVENT } from '../bot/bot';
import { isLanguageCode, languageInfo } from '../language/languages';

/** Finds the installed Web Chat browser bundle. */
export function webChatBundlePath(): string {
  for (const dir of require.resolve.paths('botframework-webchat') ?? []) {
    const candidate = path.join(dir, 'botframework-webchat', 'dist', 'webchat.js');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('botframework-webchat is not installed (dist/webchat.js not found): run npm ci');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders the page; `lang` and `city` come from the URL and are validated here. */
export function webChatPage(params: { lang?: string; city?: string; cityIds: readonly string[] }): string {
  const lang = isLanguageCode(params.lang) ? params.lang : undefined;
  const city = params.city && params.cityIds.includes(params.city) ? params.city : undefined;
  const dir = lang ? languageInfo(lang).direction : 'ltr';
  const join = JSON.stringify({ language: lang, city }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${escapeHtml(lang ?? 'en')}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IncluBot</title>
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  #webchat { height: 100%; max-width: 720px; margin: 0 auto; }
  noscript { display: block; padding: 1rem; }
</style>
</head>
<body>
<noscript>This chat needs JavaScript. In an emergency, call 112.</noscript>
<div id="webchat" role="main"></div>
<script src="/webchat/webchat.js"></script>
<script>
(async function () {
  const join = ${join};
  const res = await fetch('/v3/directline/tokens/generate', { method: 'POST' });
  const { token } = await res.json();
  const directLine = window.WebChat.createDirectLine({ token, domain: window.location.origin + '/v3/directline', webSocket: false, pollingInterval: 500 });
  const store = window.WebChat.createStore({}, () => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
      store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: ${JSON.stringify(JOIN_EVENT)}, value: join } });
    }
    return next(action);
  });
  window.WebChat.renderWebChat({ directLine, store, locale: join.language || navigator.language || 'en', styleOptions: { suggestedActionLayout: 'flow', hideUploadButton: true } }, document.getElementById('webchat'));
})().catch(function (err) {
  document.getElementById('webchat').textContent = 'The chat could not start. In an emergency, call 112.';
  console.error(err);
});
</script>
</body>
</html>`;
}
