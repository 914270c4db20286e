import { describe, expect, it } from 'vitest';
import { isVoteEmoji, normalizeEmoji, readMessageReaction } from '../../../src/domain/votes.js';

describe('normalizeEmoji', () => {
  it('drops the skin tone, so `+1::skin-tone-3` is the same emoji as `+1`', () => {
    expect(normalizeEmoji('+1::skin-tone-3')).toBe('+1');
    expect(normalizeEmoji('wave::skin-tone-6')).toBe('wave');
  });

  it('drops the colons a person types around a name', () => {
    expect(normalizeEmoji(':fire:')).toBe('fire');
    expect(normalizeEmoji('::fire::')).toBe('fire');
    expect(normalizeEmoji(':+1::skin-tone-2:')).toBe('+1');
  });

  it('ignores case and surrounding spaces', () => {
    expect(normalizeEmoji('  Fire ')).toBe('fire');
    expect(normalizeEmoji('THUMBSUP')).toBe('thumbsup');
  });

  it('leaves a plain reaction name as it is', () => {
    for (const name of ['+1', '-1', 'white_check_mark', 'heart_eyes', 'e-mail']) expect(normalizeEmoji(name)).toBe(name);
  });
});

describe('isVoteEmoji', () => {
  it('counts the configured reaction, whatever its skin tone', () => {
    expect(isVoteEmoji('+1', ['+1'])).toBe(true);
    expect(isVoteEmoji('+1::skin-tone-3', ['+1'])).toBe(true);
    expect(isVoteEmoji('+1::skin-tone-6', ['+1'])).toBe(true);
  });

  it('treats `thumbsup` as the same emoji as `+1`, both ways', () => {
    expect(isVoteEmoji('thumbsup', ['+1'])).toBe(true);
    expect(isVoteEmoji('+1', ['thumbsup'])).toBe(true);
    expect(isVoteEmoji('thumbsup::skin-tone-2', ['+1'])).toBe(true);
    expect(isVoteEmoji('thumbsdown', ['-1'])).toBe(true);
  });

  it('does not count other reactions', () => {
    expect(isVoteEmoji('-1', ['+1'])).toBe(false);
    expect(isVoteEmoji('thumbsdown', ['+1'])).toBe(false);
    expect(isVoteEmoji('heart', ['+1', 'fire'])).toBe(false);
    expect(isVoteEmoji('+1', [])).toBe(false);
  });

  it('counts any of several configured reactions, however they were typed', () => {
    expect(isVoteEmoji('fire', ['+1', ':Fire:'])).toBe(true);
    expect(isVoteEmoji('FIRE', ['+1', 'fire'])).toBe(true);
  });
});

describe('readMessageReaction', () => {
  const valid = {
    type: 'reaction_added',
    user: 'U0MKT1',
    reaction: '+1',
    item: { type: 'message', channel: 'C0TERRAIN', ts: '1700000000.000100' },
    event_ts: '1700000001.000200',
  };

  it('reads a reaction on a message', () => {
    expect(readMessageReaction(valid)).toEqual({
      user: 'U0MKT1',
      reaction: '+1',
      channel: 'C0TERRAIN',
      ts: '1700000000.000100',
      eventTs: '1700000001.000200',
    });
  });

  it('ignores reactions on files, and events with missing or crafted fields', () => {
    const broken: unknown[] = [
      null,
      'reaction_added',
      { ...valid, item: undefined },
      { ...valid, item: { ...valid.item, type: 'file' } },
      { ...valid, user: undefined },
      { ...valid, user: 'U1><!channel>' },
      { ...valid, reaction: 5 },
      { ...valid, reaction: '' },
      { ...valid, item: { ...valid.item, channel: 'C1|x' } },
      { ...valid, item: { ...valid.item, ts: '../' } },
      { ...valid, event_ts: 'yesterday' },
      { ...valid, event_ts: undefined },
    ];
    for (const event of broken) expect(readMessageReaction(event), JSON.stringify(event)).toBeUndefined();
  });
});
