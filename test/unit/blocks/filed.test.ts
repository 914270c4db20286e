import { describe, expect, it } from 'vitest';
import { buildFiled } from '../../../src/blocks/filed.js';
import { messages } from '../../../src/i18n/index.js';

const en = messages('en');
const fr = messages('fr');
const sideButtons = (blocks: unknown[]) => JSON.stringify(blocks).match(/set_side_\w+/g) ?? [];

describe('the filer’s “filed” answer', () => {
  it('in the acknowledgement, names the channel the card goes up in (the card is not out yet)', () => {
    const answer = buildFiled(en, { kind: 'feedback', channelId: 'C0TERRAIN', askSide: false });
    expect(answer.text).toBe(en.filed.feedbackGoingUp('<#C0TERRAIN>'));
    expect(answer.blocks).toHaveLength(1);
    expect(buildFiled(fr, { kind: 'flag', channelId: 'C0TERRAIN', askSide: false }).text).toBe(
      'Merci pour ce signalement : sa carte arrive dans <#C0TERRAIN>. Le marketing le verra, et vous saurez ce qu’il devient.',
    );
  });

  it('once the card is out, links to it', () => {
    const link = 'https://acme.slack.com/archives/C0TERRAIN/p1795428000000100';
    expect(buildFiled(en, { kind: 'flag', link, channelId: 'C0TERRAIN', askSide: false }).text).toBe(en.filed.flag(link));
  });

  it('never puts a malformed channel id into mrkdwn: it says the card is on the board instead', () => {
    expect(buildFiled(en, { kind: 'feedback', channelId: 'C0<!here>', askSide: false }).text).toBe(en.filed.feedbackNoLink);
  });

  it('asks a filer whose side is unknown, with one-click buttons', () => {
    const answer = buildFiled(en, { kind: 'feedback', channelId: 'C0TERRAIN', askSide: true });
    expect(sideButtons(answer.blocks)).toEqual(['set_side_sales', 'set_side_marketing', 'set_side_other']);
    expect(JSON.stringify(answer.blocks)).toContain(en.filed.sideTip);
  });
});
