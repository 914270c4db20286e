/**
 * Slack parses `&`, `<` and `>` in mrkdwn: `<!channel>`, `<@U…>`, `<!subteam^…>` and `<url|label>` all
 * start with `<`. Escaping these three (and nothing else, as Slack asks) makes user text inert.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Quote text as a mrkdwn block quote, each line escaped. */
export function quote(text: string): string {
  return escapeMrkdwn(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Cut text to at most `max` characters on a word boundary where one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line then word boundaries, so that
 * long text can be given back whole across several blocks.
 */
export function chunk(text: string, max: number): string[] {
  if (!(max >= 1)) throw new RangeError('chunk needs a size of at least 1');
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max * 0.5) at = rest.lastIndexOf(' ', max);
    if (at < max * 0.5) at = max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
