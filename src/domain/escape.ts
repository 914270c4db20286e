/**
 * Slack parses `&`, `<` and `>` in mrkdwn: `<!channel>`, `<@U…>`, `<!subteam^…>` and `<url|label>` all
 * start with `<`. Escaping these three (and nothing else, as Slack asks) makes user text inert.
 */
export function escapeMrkdwn(text: string): string {
  return wellFormed(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text Slack can take: a lone UTF-16 surrogate (half an emoji, or a crafted `\uD800`) becomes U+FFFD.
 * Slack's Web API client cannot even encode one (`URIError: URI malformed`), so a card holding one would
 * never be posted.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Cutting `text` at `at` would split a surrogate pair (an emoji, say) in two. */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Quote text as a mrkdwn block quote, each line escaped. */
export function quote(text: string): string {
  return escapeMrkdwn(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Cut text to at most `max` characters on a word boundary where one is near, with an ellipsis (never inside an emoji). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, max - 1);
  const cut = text.slice(0, end > 0 && splitsPair(text, end) ? end - 1 : end);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line then word boundaries, so that
 * long text can be given back whole across several blocks. A hard cut never splits an emoji in two.
 */
export function chunk(text: string, max: number): string[] {
  if (!(max >= 1)) throw new RangeError('chunk needs a size of at least 1');
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max * 0.5) at = rest.lastIndexOf(' ', max);
    if (at < max * 0.5) at = max > 1 && splitsPair(rest, max) ? max - 1 : max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
