import { describe, expect, it } from 'vitest';
import { slackMarkupToPlain } from '../../../src/domain/markup.js';

describe('slackMarkupToPlain', () => {
  it('a link with a label keeps the label and shows the address after it', () => {
    expect(slackMarkupToPlain('see <https://example.com/pricing|our pricing page>')).toBe(
      'see our pricing page (https://example.com/pricing)',
    );
  });

  it('a bare link loses its brackets', () => {
    expect(slackMarkupToPlain('see <https://example.com/a?b=1>')).toBe('see https://example.com/a?b=1');
    expect(slackMarkupToPlain('<mailto:ana@example.com>')).toBe('mailto:ana@example.com');
  });

  it('a user mention becomes a readable @name, or @id without a label', () => {
    expect(slackMarkupToPlain('ask <@U0123|ana> about it')).toBe('ask @ana about it');
    expect(slackMarkupToPlain('ask <@U0123> about it')).toBe('ask @U0123 about it');
  });

  it('a channel mention becomes #name, or #id without a label', () => {
    expect(slackMarkupToPlain('in <#C0123|general>')).toBe('in #general');
    expect(slackMarkupToPlain('in <#C0123>')).toBe('in #C0123');
  });

  it('`<!here>`, `<!channel>` and `<!everyone>` become plain words that ping nobody', () => {
    expect(slackMarkupToPlain('<!here> <!channel> <!everyone> look')).toBe('@here @channel @everyone look');
  });

  it('a user group without a label keeps only the special word, not its id', () => {
    expect(slackMarkupToPlain('<!subteam^S0123>')).toBe('@subteam');
  });

  it('a user group mention as Slack sends it (`<!subteam^S…|@handle>`) reads @handle, with one @', () => {
    expect(slackMarkupToPlain('FYI <!subteam^S0TR1SJKX|@imps> test')).toBe('FYI @imps test');
  });

  it('decodes the three entities Slack escapes', () => {
    expect(slackMarkupToPlain('R&amp;D says 3 &lt; 4 &gt; 2')).toBe('R&D says 3 < 4 > 2');
  });

  it('decodes `&amp;` last, so an escaped entity comes back as the entity the user typed', () => {
    expect(slackMarkupToPlain('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  it('decodes entities inside a link label', () => {
    expect(slackMarkupToPlain('<https://example.com|Q&amp;A>')).toBe('Q&A (https://example.com)');
  });

  it('an escaped `<!channel>` comes back as the text the user typed', () => {
    expect(slackMarkupToPlain('&lt;!channel&gt;')).toBe('<!channel>');
  });

  it('leaves text without markup unchanged', () => {
    const text = 'Customer wants *offline mode*\nby Q3, 50% discount';
    expect(slackMarkupToPlain(text)).toBe(text);
  });

  it('handles several pieces of markup in one message', () => {
    expect(slackMarkupToPlain('<@U1|ana> in <#C1|sales>: <https://a.io|A> &amp; <https://b.io>')).toBe(
      '@ana in #sales: A (https://a.io) & https://b.io',
    );
  });
});
