import { describe, expect, it } from 'vitest';
import { chunk, escapeMrkdwn, quote, truncate, wellFormed } from '../../../src/domain/escape.js';

const isSeparator = (c: string | undefined): boolean => c === ' ' || c === '\n';

/**
 * True when `pieces`, in order, make up `original` with at most one separator (a space or a line break)
 * dropped after each piece: the one it was split on. A split may also drop a trailing separator.
 */
function reassembles(original: string, pieces: string[]): boolean {
  const from = (i: number, at: number): boolean => {
    if (i === pieces.length) return at === original.length;
    const piece = pieces[i]!;
    if (!original.startsWith(piece, at)) return false;
    const end = at + piece.length;
    if (from(i + 1, end)) return true;
    if (!isSeparator(original[end])) return false;
    return i + 1 === pieces.length ? end + 1 === original.length : from(i + 1, end + 1);
  };
  return from(0, 0);
}

/** A deterministic pseudo-random generator, so that the property-style tests are reproducible. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('escapeMrkdwn', () => {
  it('a `<!channel>` in user text cannot ping the channel', () => {
    expect(escapeMrkdwn('hey <!channel> look')).toBe('hey &lt;!channel&gt; look');
  });

  it('`<!here>`, `<!everyone>`, user groups and user mentions become inert', () => {
    const out = escapeMrkdwn('<!here> <!everyone> <!subteam^S123|@sales> <@U123>');
    expect(out).not.toContain('<');
    expect(out).not.toContain('>');
    expect(out).toBe('&lt;!here&gt; &lt;!everyone&gt; &lt;!subteam^S123|@sales&gt; &lt;@U123&gt;');
  });

  it('a disguised link `<http://evil|bank>` is shown as text, not as a link', () => {
    expect(escapeMrkdwn('<http://evil|bank>')).toBe('&lt;http://evil|bank&gt;');
  });

  it('escapes `&` first, so an entity the user typed is shown as typed', () => {
    expect(escapeMrkdwn('&lt;!channel&gt;')).toBe('&amp;lt;!channel&amp;gt;');
    expect(escapeMrkdwn('R&D')).toBe('R&amp;D');
  });

  it('leaves every other character alone, mrkdwn formatting included', () => {
    const text = '*bold* _it_ ~strike~ `code` "quotes" \'single\' é 😀 #general @bob :+1:';
    expect(escapeMrkdwn(text)).toBe(text);
  });

  it('gives back an empty string for an empty string', () => {
    expect(escapeMrkdwn('')).toBe('');
  });
});

describe('quote', () => {
  it('puts every line of the text in the block quote', () => {
    expect(quote('one\ntwo\nthree')).toBe('>one\n>two\n>three');
  });

  it('escapes each line, so a quoted line cannot ping anyone', () => {
    expect(quote('fine\n<!channel> & <!here>')).toBe('>fine\n>&lt;!channel&gt; &amp; &lt;!here&gt;');
  });

  it('a user line starting with `>` is escaped and stays inside the one quote', () => {
    expect(quote('> not a nested quote')).toBe('>&gt; not a nested quote');
  });

  it('quotes an empty line too', () => {
    expect(quote('a\n\nb')).toBe('>a\n>\n>b');
  });
});

describe('truncate', () => {
  it('leaves text at or under the limit untouched', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('exactly10!', 10)).toBe('exactly10!');
    expect(truncate('', 10)).toBe('');
  });

  it('cuts long text on a word boundary near the end, with an ellipsis', () => {
    const out = truncate('the quick brown fox jumps over the lazy dog', 20);
    expect(out).toBe('the quick brown…');
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it('cuts in the middle of a word when no space is near the limit', () => {
    const out = truncate('a supercalifragilisticexpialidocious word', 20);
    expect(out).toBe('a supercalifragilis…');
    expect(out).toHaveLength(20);
  });

  it('never gives back more than `max` characters', () => {
    const next = random(42);
    const words = ['a', 'bb', 'ccc', 'lorem', 'ipsum', 'dolorsitamet', '\n', 'x'.repeat(40)];
    for (let i = 0; i < 200; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 80) }, () => words[Math.floor(next() * words.length)]).join(' ');
      const max = 1 + Math.floor(next() * 120);
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      if (text.length > max) {
        expect(out.endsWith('…')).toBe(true);
        expect(text.startsWith(out.slice(0, -1))).toBe(true);
      } else {
        expect(out).toBe(text);
      }
    }
  });
});

describe('chunk', () => {
  it('gives back short text as a single piece', () => {
    expect(chunk('hello', 10)).toEqual(['hello']);
    expect(chunk('exactly10!', 10)).toEqual(['exactly10!']);
  });

  it('gives back one empty piece for empty text, never no piece at all', () => {
    expect(chunk('', 10)).toEqual(['']);
  });

  it('prefers to split on a line break, dropping only that line break', () => {
    expect(chunk('first line\nsecond line', 15)).toEqual(['first line', 'second line']);
  });

  it('splits on a space when there is no line break in the second half of the piece', () => {
    expect(chunk('alpha beta gamma delta', 12)).toEqual(['alpha beta', 'gamma delta']);
  });

  it('cuts hard at the limit when there is no space or line break, losing nothing', () => {
    const text = 'x'.repeat(25);
    const pieces = chunk(text, 10);
    expect(pieces).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(pieces.join('')).toBe(text);
  });

  it('a separator exactly at the limit is the one it splits on', () => {
    expect(chunk('aaaaa bbbbb', 5)).toEqual(['aaaaa', 'bbbbb']);
    expect(chunk('aaaaa\nbbbbb', 5)).toEqual(['aaaaa', 'bbbbb']);
  });

  it('keeps a second line break that follows the separator', () => {
    const text = 'aaaaaa\n\nbbbbbb';
    const pieces = chunk(text, 7);
    expect(pieces).toEqual(['aaaaaa\n', 'bbbbbb']);
    expect(pieces.join('\n')).toBe(text);
  });

  it('keeps every line break of a run of blank lines but the one it splits on', () => {
    const text = 'a\n\n\n\n\n\nb';
    const pieces = chunk(text, 4);
    expect(pieces).toEqual(['a\n\n\n', '\n\nb']);
    expect(pieces.join('\n')).toBe(text);
  });

  it('splits a 7,000-character text into pieces of at most 3,000 that reassemble into the text', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `word${i % 10}`)
      .join(' ')
      .slice(0, 7000)
      .padEnd(7000, 'z');
    expect(text).toHaveLength(7000);
    const pieces = chunk(text, 3000);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(3000);
    expect(reassembles(text, pieces)).toBe(true);
    expect(pieces.join(' ')).toBe(text);
  });

  it('loses no character but the single separator of each split, on many random texts', () => {
    const next = random(7);
    const alphabet = ['a', 'b', 'é', '&', '<', ' ', ' ', '\n', 'word', 'x'.repeat(30)];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: Math.floor(next() * 200) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const max = 1 + Math.floor(next() * 60);
      const pieces = chunk(text, max);
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
      expect(reassembles(text, pieces), JSON.stringify({ text, max, pieces })).toBe(true);
      // At most one character (the separator) disappears between two pieces.
      const lost = text.length - pieces.join('').length;
      expect(lost).toBeGreaterThanOrEqual(0);
      expect(lost).toBeLessThanOrEqual(pieces.length);
    }
  });

  it('gives no empty piece for non-empty text', () => {
    for (const text of ['a\n\n\n\n\n\nb', ' '.repeat(30), 'abc \n def \n ghi', `${'y'.repeat(10)}\n`]) {
      const pieces = chunk(text, 4);
      for (const piece of pieces) expect(piece.length).toBeGreaterThan(0);
      expect(reassembles(text, pieces)).toBe(true);
    }
  });
});

describe('text Slack can take', () => {
  const emoji = '\u{1F600}';

  it('a lone surrogate, crafted or half an emoji, becomes U+FFFD once escaped; whole emoji stay', () => {
    expect(wellFormed('a\uD800b')).toBe('a\uFFFDb');
    expect(wellFormed('\uDFFFx\uDBFF')).toBe('\uFFFDx\uFFFD');
    expect(wellFormed(`ok ${emoji}`)).toBe(`ok ${emoji}`);
    expect(escapeMrkdwn('<\uD800>')).toBe('&lt;\uFFFD&gt;');
    expect(() => encodeURIComponent(escapeMrkdwn(`${emoji.slice(0, 1)} & ${emoji.slice(1)}`))).not.toThrow();
  });

  it('truncate never cuts an emoji in two', () => {
    for (let n = 1; n < 12; n++) {
      const text = `${'a'.repeat(n)}${emoji.repeat(10)}`;
      for (let max = 2; max < 20; max++) {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(wellFormed(cut), JSON.stringify({ n, max })).toBe(cut);
      }
    }
  });

  it('chunk never cuts an emoji in two when it has room for one', () => {
    for (let n = 0; n < 5; n++) {
      const text = `${'a'.repeat(n)}${emoji.repeat(20)}`;
      for (let max = 2; max < 9; max++) {
        const pieces = chunk(text, max);
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) expect(wellFormed(piece), JSON.stringify({ n, max, piece })).toBe(piece);
      }
    }
  });
});
