import { describe, expect, it } from 'vitest';
import { parseMergeIds, parseTerrainCommand } from '../../../commands/terrain.js';

describe('parseTerrainCommand: search', () => {
  it.each([
    ['search offline mode', 'offline mode'],
    ['Search   Offline  Mode ', 'Offline  Mode'],
    ['find SSO', 'SSO'],
    ['recherche mode hors ligne', 'mode hors ligne'],
    ['chercher école', 'école'],
    ['rechercher export', 'export'],
  ])('"%s" searches for "%s"', (text, words) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'search', words });
  });

  it('gives back the words as typed: Slack’s escaping and markup undone', () => {
    expect(parseTerrainCommand('search R&amp;D &lt;tools&gt;')).toEqual({ name: 'search', words: 'R&D <tools>' });
    expect(parseTerrainCommand('search <#C0123|pricing> and <@U0ALEX|alex>')).toEqual({ name: 'search', words: '#pricing and @alex' });
    expect(parseTerrainCommand('search "offline* NEAR(x):')).toEqual({ name: 'search', words: '"offline* NEAR(x):' });
  });

  it('no words: a search of nothing, which the answer explains', () => {
    expect(parseTerrainCommand('search')).toEqual({ name: 'search', words: '' });
    expect(parseTerrainCommand('recherche   ')).toEqual({ name: 'search', words: '' });
  });
});

describe('parseTerrainCommand: merge', () => {
  it.each([
    ['merge #42 #17', 42, 17],
    ['merge 42 17', 42, 17],
    ['Merge #42 into #17', 42, 17],
    ['fusionner n°42 dans n°17', 42, 17],
    ['fusionner n° 42 dans n° 17', 42, 17],
    ['fusion 3 1', 3, 1],
  ])('"%s" merges %i into %i', (text, duplicateId, originalId) => {
    expect(parseTerrainCommand(text)).toEqual({ name: 'merge', ids: { duplicateId, originalId } });
  });

  it.each(['merge', 'merge #42', 'merge 1 2 3', 'merge #4x2 #17', 'merge forty two', 'fusionner 0 1'])(
    '"%s" asks for the two numbers',
    (text) => {
      expect(parseTerrainCommand(text)).toEqual({ name: 'merge', ids: undefined });
    },
  );

  it('reads a handle that Slack turned into a channel link (a channel named like a number)', () => {
    expect(parseMergeIds('<#C0123|42> <#C0456|17>')).toEqual({ duplicateId: 42, originalId: 17 });
  });
});
