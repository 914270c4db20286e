import { describe, expect, it } from 'vitest';
import { parseTerrainCommand } from '../../../commands/terrain.js';

describe('parseTerrainCommand', () => {
  it.each(['', '   ', 'help', 'HELP', 'aide', ' Aide ', 'help me please'])('"%s" asks for help', (text) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'help' });
  });

  it.each(['settings', 'config', 'réglages'])('"%s" opens the settings', (text) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'settings' });
  });

  it.each(['digest', 'Digest', 'bilan'])('"%s" shows the digest', (text) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'digest' });
  });

  it.each(['setup', 'Setup', 'setup now'])('"%s" sets the channel up', (text) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'setup' });
  });

  it.each([
    ['team sales', 'sales'],
    ['team sale', 'sales'],
    ['team marketing', 'marketing'],
    ['team other', 'other'],
    ['TEAM Sales', 'sales'],
    ['team   marketing  ', 'marketing'],
  ] as const)('"%s" picks a side in English', (text, side) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'team', side });
  });

  it.each([
    ['équipe ventes', 'sales'],
    ['equipe vente', 'sales'],
    ['équipe commercial', 'sales'],
    ['Équipe Marketing', 'marketing'],
    ['equipe autre', 'other'],
    ['team ventes', 'sales'],
  ] as const)('"%s" picks a side in French', (text, side) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'team', side });
  });

  it('`team` without a side, or with an unknown one, asks which side', () => {
    expect(parseTerrainCommand('team')).toEqual({ name: 'team', side: undefined });
    expect(parseTerrainCommand('team pirates')).toEqual({ name: 'team', side: undefined });
    expect(parseTerrainCommand('équipe')).toEqual({ name: 'team', side: undefined });
  });

  it.each(['admins', 'admins list', 'Admins LIST', 'admin', 'admins liste', 'admins lister'])('"%s" lists the Terrain admins', (text) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'admins', action: 'list' });
  });

  it.each([
    ['admins add <@U0ALEX|alex>', 'add', ['U0ALEX']],
    ['admins ADD <@U0ALEX>', 'add', ['U0ALEX']],
    ['admins ajouter <@U0ALEX|alex> <@W0SAM|sam lee>', 'add', ['U0ALEX', 'W0SAM']],
    ['admins add <@U0ALEX|alex> <@U0ALEX|alex>', 'add', ['U0ALEX']],
    ['admins remove <@U0ALEX|alex>', 'remove', ['U0ALEX']],
    ['admins retirer <@U0ALEX|alex>', 'remove', ['U0ALEX']],
    ['admins enlever <@U0ALEX>', 'remove', ['U0ALEX']],
  ] as const)('"%s" names or removes the mentioned users', (text, action, userIds) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'admins', action, userIds });
  });

  it('`admins add|remove` without a mention, or with an unknown word, asks for a mention', () => {
    expect(parseTerrainCommand('admins add')).toEqual({ name: 'admins', action: 'usage', plainNames: false });
    expect(parseTerrainCommand('admins remove <#C0SALES|sales> <!channel>')).toEqual({
      name: 'admins',
      action: 'usage',
      plainNames: false,
    });
    expect(parseTerrainCommand('admins promote <@U0ALEX>')).toEqual({ name: 'admins', action: 'usage', plainNames: false });
    expect(parseTerrainCommand('admins <@U0ALEX>')).toEqual({ name: 'admins', action: 'usage', plainNames: false });
  });

  it('names that Slack sent as plain text (mentions not escaped) are told apart', () => {
    expect(parseTerrainCommand('admins add @alex')).toEqual({ name: 'admins', action: 'usage', plainNames: true });
    expect(parseTerrainCommand('admins retirer @alex @sam')).toEqual({ name: 'admins', action: 'usage', plainNames: true });
  });

  it('a crafted mention is never taken for a user id', () => {
    expect(parseTerrainCommand('admins add <@U1><!channel> <@U0OK<!here>>')).toEqual({
      name: 'admins',
      action: 'usage',
      plainNames: false,
    });
    expect(parseTerrainCommand('admins add <@U0ALEX|<!channel>>')).toEqual({ name: 'admins', action: 'add', userIds: ['U0ALEX'] });
  });

  it('an unknown word is reported as the user typed it', () => {
    expect(parseTerrainCommand('Frobnicate now')).toEqual({ name: 'unknown', word: 'Frobnicate' });
    expect(parseTerrainCommand('<!channel>')).toEqual({ name: 'unknown', word: '<!channel>' });
  });

  it('a side word alone is not a subcommand', () => {
    expect(parseTerrainCommand('sales')).toEqual({ name: 'unknown', word: 'sales' });
  });

  it('inherited object keys are not sides', () => {
    expect(parseTerrainCommand('team constructor')).toEqual({ name: 'team', side: undefined });
    expect(parseTerrainCommand('team __proto__')).toEqual({ name: 'team', side: undefined });
    expect(parseTerrainCommand('team tostring')).toEqual({ name: 'team', side: undefined });
  });
});
