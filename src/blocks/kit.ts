import type { ContextBlock, KnownBlock, PlainTextElement, SectionBlock } from '@slack/types';
import { chunk, escapeMrkdwn } from '../domain/escape.js';

/** Small pure helpers for Block Kit: every builder goes through them, so limits live in one place. */
export const LIMITS = { sectionText: 3000, messageBlocks: 50, viewBlocks: 100, plainText: 150, contextElements: 10 } as const;

export interface MessageContent {
  text: string;
  blocks: KnownBlock[];
}

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text: text.slice(0, LIMITS.plainText), emoji: true });

export const section = (mrkdwn: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } });

export const context = (...mrkdwn: string[]): ContextBlock => ({
  type: 'context',
  elements: mrkdwn.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn' as const, text })),
});

/**
 * User text over as many sections as it needs, escaped. The raw text is split first (a cut must never
 * fall inside an entity such as `&amp;`), and a piece that escaping makes too long is split again.
 */
export function escapedSections(text: string, max: number = LIMITS.sectionText): SectionBlock[] {
  const pieces = (raw: string, size: number): string[] =>
    chunk(raw, size).flatMap((piece) => {
      const escaped = escapeMrkdwn(piece);
      return escaped.length <= max ? [escaped] : pieces(piece, Math.max(1, Math.floor(size / 2)));
    });
  return pieces(text, max).map(section);
}
