import { describe, expect, it } from 'vitest';
import { notice, noticeWithText } from '../../../src/blocks/messages.js';
import { escapeMrkdwn } from '../../../src/domain/escape.js';
import { en } from '../../../src/i18n/en.js';

const sectionTexts = (blocks: unknown[]) =>
  blocks
    .map((b) => b as { type: string; text: { text: string } })
    .map((b) => {
      expect(b.type).toBe('section');
      return b.text.text;
    });

/** Slack decodes these three entities; a section's text is what a person sees once decoded. */
const decodeEntities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('notice', () => {
  it('is one section with the same fallback text', () => {
    expect(notice(en.errors.emptyText)).toEqual({
      text: en.errors.emptyText,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: en.errors.emptyText } }],
    });
  });
});

describe('noticeWithText', () => {
  it('puts the explanation first, then the user text, escaped', () => {
    const out = noticeWithText(en.errors.noChannel, 'hey <!channel> & <@U1>');
    expect(sectionTexts(out.blocks)).toEqual([en.errors.noChannel, 'hey &lt;!channel&gt; &amp; &lt;@U1&gt;']);
    expect(out.text).toBe(`${en.errors.noChannel}\n\nhey &lt;!channel&gt; &amp; &lt;@U1&gt;`);
    expect(JSON.stringify(out)).not.toContain('<!channel>');
  });

  it('gives back the whole of a 7,000-character text across sections of at most 3,000 characters', () => {
    const words = ['Customers', 'keep', 'asking', 'for', 'offline', 'mode', 'and', 'SSO.'];
    let text = '';
    for (let i = 0; text.length < 7000; i++) text += `${words[i % words.length]}${i % 17 === 16 ? '\n' : ' '}`;
    text = text.slice(0, 7000);
    const out = noticeWithText(en.errors.tooLong(7000, 3000), text);
    const [intro, ...body] = sectionTexts(out.blocks);
    expect(intro).toBe(en.errors.tooLong(7000, 3000));
    expect(body.length).toBeGreaterThanOrEqual(3);
    for (const s of body) expect(s.length).toBeLessThanOrEqual(3000);
    // Whole: every word is there, in order; only the separators the text was split on are missing.
    const joined = body.join('');
    expect(joined.length).toBeGreaterThanOrEqual(7000 - (body.length - 1));
    expect(body.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trimEnd());
    expect(out.blocks.length).toBeLessThanOrEqual(50);
  });

  it('gives back a 7,000-character text full of characters to escape, whole and escaped', () => {
    const text = Array.from({ length: 1000 }, (_, i) => (i % 2 ? '<!here>' : 'R&D > Q'))
      .join(' ')
      .slice(0, 7000);
    expect(text).toHaveLength(7000);
    const out = noticeWithText('intro', text);
    const body = sectionTexts(out.blocks).slice(1);
    for (const s of body) {
      expect(s.length).toBeLessThanOrEqual(3000);
      expect(s).not.toMatch(/[<>]/);
    }
    expect(decodeEntities(body.join(' '))).toBe(text);
    expect(out.text).toBe(`intro\n\n${escapeMrkdwn(text)}`);
  });

  it('never cuts an escaped character in half, even in a long text without spaces', () => {
    // No space to split on: the cut falls at 3,000 characters of the escaped text, in the middle of `&amp;`.
    const text = `${'a'.repeat(2998)}${'&'.repeat(800)}`;
    const out = noticeWithText('intro', text);
    const body = sectionTexts(out.blocks).slice(1);
    for (const s of body) {
      expect(s.length).toBeLessThanOrEqual(3000);
      expect(s.slice(0, 10), 'no section starts with the tail of an entity').not.toMatch(/^(mp|p|t|lt|gt|amp)?;/);
      // Each section is shown on its own: a broken `&amp;` would show as "&am" in one and "p;" in the next.
      expect(s.slice(-10), 'every `&` in a section starts a whole entity').toMatch(/^([^&]|&(amp|lt|gt);)*$/);
    }
    expect(body.map(decodeEntities).join('')).toBe(text);
  });
});
