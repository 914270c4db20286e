import { describe, expect, it } from 'vitest';
import {
  isChannelId,
  isMessageTs,
  isTeamId,
  isTriggerId,
  isUserId,
  mentionChannel,
  mentionedUserIds,
  mentionUser,
} from '../../../src/domain/slack-ids.js';

describe('isUserId', () => {
  it('accepts user ids (U…) and enterprise user ids (W…)', () => {
    for (const id of ['U0123456789', 'U12', 'W0ABCDEF12', 'UABCDEFGHIJKLMNOPQRSTUVWXYZ0123']) expect(isUserId(id), id).toBe(true);
  });

  it('refuses ids with other prefixes, lower case, too short, too long or with extra characters', () => {
    for (const id of ['C0123456789', 'B0123', 'u0123', 'U1', 'U', '', ' U0123', 'U0123 ', 'U01-23', 'U0123\n', `U${'A'.repeat(31)}`]) {
      expect(isUserId(id), JSON.stringify(id)).toBe(false);
    }
  });

  it('refuses a crafted id that smuggles markup', () => {
    expect(isUserId('U1><!channel')).toBe(false);
    expect(isUserId('U123|bank')).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    for (const id of [undefined, null, 123, {}, ['U0123'], true]) expect(isUserId(id)).toBe(false);
  });
});

describe('isChannelId', () => {
  it('accepts public (C…), private (G…) and direct message (D…) channel ids', () => {
    for (const id of ['C0123456789', 'G0ABCDEF', 'D0123ABC']) expect(isChannelId(id), id).toBe(true);
  });

  it('refuses names, user ids, lower case and markup', () => {
    for (const id of ['#general', 'general', 'U0123456', 'c0123456', 'C01<!here>', 'C0', '', null, 42]) {
      expect(isChannelId(id), String(id)).toBe(false);
    }
  });
});

describe('isTeamId', () => {
  it('accepts workspace (T…) and enterprise (E…) ids', () => {
    expect(isTeamId('T0123456')).toBe(true);
    expect(isTeamId('E0123456')).toBe(true);
  });

  it('refuses other ids and non-strings', () => {
    for (const id of ['U0123456', 't0123456', 'T0', 'T01 23', undefined]) expect(isTeamId(id)).toBe(false);
  });
});

describe('isMessageTs', () => {
  it('accepts Slack message timestamps', () => {
    expect(isMessageTs('1700000000.000100')).toBe(true);
    expect(isMessageTs('1.1')).toBe(true);
  });

  it('refuses timestamps without their fraction, with letters, or not strings', () => {
    for (const ts of ['1700000000', '1700000000.', '.000100', 'abc.def', '1700000000.000100x', '-1.5', 1700000000.0001, null]) {
      expect(isMessageTs(ts), String(ts)).toBe(false);
    }
  });
});

describe('isTriggerId', () => {
  it("accepts Slack's trigger ids", () => {
    for (const id of [
      '13345224609.738474920.8088930838d88f008e0',
      '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
      '123.456.abc',
    ]) {
      expect(isTriggerId(id), id).toBe(true);
    }
  });

  it('refuses anything else, mentions and markup included', () => {
    for (const id of ['', '123', '123.456', '123.456.', '> quoted<!here>', '1.2.<!channel>', '1.2.abc def', 'a.b.c', 5, null, undefined]) {
      expect(isTriggerId(id), String(id)).toBe(false);
    }
  });
});

describe('mentionUser', () => {
  it('mentions a valid user id', () => {
    expect(mentionUser('U0123456789')).toBe('<@U0123456789>');
  });

  it('never emits `<` for a crafted id like `U1><!channel`', () => {
    for (const id of ['U1><!channel', 'U1> <!here', '<!channel>', 'U123|@everyone', 'u123', '']) {
      const out = mentionUser(id);
      expect(out, id).not.toContain('<');
      expect(out, id).toBe('');
    }
  });
});

describe('mentionChannel', () => {
  it('links a valid channel id', () => {
    expect(mentionChannel('C0123456789')).toBe('<#C0123456789>');
  });

  it('gives nothing Slack would parse for a crafted channel id', () => {
    for (const id of ['C1><!channel', 'C123|evil', '#general', '']) expect(mentionChannel(id), id).toBe('');
  });
});

describe('mentionedUserIds', () => {
  it('reads the user ids of escaped mentions, with or without a name, in order and once each', () => {
    expect(mentionedUserIds('add <@U0ALEX|alex> <@W0SAM>  <@U0ALEX|alex.b>')).toEqual(['U0ALEX', 'W0SAM']);
    expect(mentionedUserIds('<@U0JO|jo doe> and <@U0LEE|lee>')).toEqual(['U0JO', 'U0LEE']);
  });

  it('finds nothing in plain names, channel or group mentions', () => {
    expect(mentionedUserIds('@alex')).toEqual([]);
    expect(mentionedUserIds('<#C0SALES|sales> <!subteam^S0MKT|@marketing> <!channel> <!here>')).toEqual([]);
    expect(mentionedUserIds('')).toEqual([]);
  });

  it('drops what is not a valid user id, so nothing crafted reaches mrkdwn', () => {
    expect(mentionedUserIds('<@U1><@u0lower> <@C0CHANNEL> <@U0OK<!channel>> <@U0FINE>')).toEqual(['U0FINE']);
    expect(mentionedUserIds('<@U0ABC|<!channel>>')).toEqual(['U0ABC']);
  });
});
