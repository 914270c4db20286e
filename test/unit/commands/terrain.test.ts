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
