import { describe, expect, it } from 'vitest';
import { isVoteEmoji, normalizeEmoji } from '../../../src/domain/votes.js';

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
