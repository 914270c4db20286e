import type { ContextBlock, KnownBlock, PlainTextElement, SectionBlock } from '@slack/types';
import { chunk } from '../domain/escape.js';

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

/** Already-escaped mrkdwn that may be longer than one section: split over as many as it needs. */
export const sections = (mrkdwn: string): SectionBlock[] => chunk(mrkdwn, LIMITS.sectionText).map(section);
