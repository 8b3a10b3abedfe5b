/**
 * The small markdown subset of `Reply.text`, turned into what each channel understands.
 */

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Plain text: links as "label (url)", no emphasis markers, bullets as "•". */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(LINK, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s.,;:!?)])/gm, '$1$2')
    .replace(/^- /gm, '• ');
}

/**
 * Splits a text into chunks of at most `limit` characters, preferring paragraph, then line,
 * then word boundaries (Telegram refuses messages over 4,096 characters).
 */
export function splitText(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    // One character more: a break right after the limit still gives a full chunk.
    const window = rest.slice(0, limit + 1);
    let cut = window.lastIndexOf('\n\n');
    if (cut < limit / 2) cut = window.lastIndexOf('\n');
    if (cut < limit / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = limit;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}
