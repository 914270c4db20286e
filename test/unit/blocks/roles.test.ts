import { describe, expect, it } from 'vitest';
import {
  buildAdminsChanged,
  buildAdminsList,
  buildRefusal,
  buildRefusalModal,
  mentionList,
  whoAreAdmins,
} from '../../../src/blocks/roles.js';
import { messages } from '../../../src/i18n/index.js';

const en = messages('en');
const fr = messages('fr');

describe('role answers', () => {
  it('mentions valid user ids only, and counts what goes past twenty', () => {
    expect(mentionList(en, ['U0ALEX', 'U1><!channel>', 'W0SAM'])).toBe('<@U0ALEX>, <@W0SAM>');
    const many = Array.from({ length: 23 }, (_, i) => `U0USER${String(i).padStart(2, '0')}`);
    const list = mentionList(en, many);
    expect(list.match(/<@U0USER\d\d>/g)).toHaveLength(20);
    expect(list.endsWith(`, ${en.roles.more(3)}`)).toBe(true);
  });

  it('says who the admins are: the named ones, else the Slack admins, else how one becomes the first', () => {
    expect(whoAreAdmins(en, { named: ['U0LEAD'], anyNamed: true })).toBe(en.roles.whoNamed('<@U0LEAD>'));
    expect(whoAreAdmins(en, { named: [], anyNamed: true })).toBe(en.roles.whoSlackOnly);
    expect(whoAreAdmins(fr, { named: [], anyNamed: false })).toBe(fr.roles.whoNoneYet);
  });

  it('a refusal says what is refused and who can do it; when the role is unknown it says so instead', () => {
    const refusal = buildRefusal(en, 'settings', 'not_admin', { named: ['U0LEAD', 'U0OPS'], anyNamed: true });
    expect(refusal.text).toBe(`${en.roles.refused.settings}\n${en.roles.whoNamed('<@U0LEAD>, <@U0OPS>')}`);
    expect(JSON.stringify(refusal.blocks)).toContain('<@U0OPS>');
    expect(buildRefusal(fr, 'setup', 'role_unknown', { named: [], anyNamed: true }).text).toBe(fr.roles.roleUnknown);
    expect(buildRefusal(fr, 'admins', 'not_admin', { named: [], anyNamed: false }).text).toBe(
      `${fr.roles.refused.admins}\n${fr.roles.whoNoneYet}`,
    );
  });

  it('a refused modal becomes the refusal, with a close button and nothing to submit', () => {
    const refusal = buildRefusal(en, 'settings', 'not_admin', { named: [], anyNamed: true });
    const view = buildRefusalModal(en, en.settings.title, refusal);
    expect(view).toMatchObject({ type: 'modal', title: { text: en.settings.title }, close: { text: en.modal.close } });
    expect(view.submit).toBeUndefined();
    expect(view.callback_id).toBeUndefined();
    expect(view.blocks).toEqual(refusal.blocks);
  });

  it('the list names the named admins and says what admins do', () => {
    const list = buildAdminsList(en, { named: ['U0LEAD'], anyNamed: true });
    expect(list.text).toBe(`${en.roles.list('<@U0LEAD>')}\n${en.roles.listHint}`);
    expect(buildAdminsList(en, { named: [], anyNamed: true }).text.startsWith(en.roles.listSlackOnly)).toBe(true);
    expect(buildAdminsList(fr, { named: [], anyNamed: false }).text.startsWith(fr.roles.listNoneYet)).toBe(true);
  });

  it('a change says who changed and who already was so, one line each', () => {
    expect(buildAdminsChanged(en, { action: 'add', changed: ['U0NEW'], unchanged: ['U0OLD'] }).text).toBe(
      `${en.roles.added('<@U0NEW>')}\n${en.roles.alreadyAdmin('<@U0OLD>')}`,
    );
    expect(buildAdminsChanged(en, { action: 'remove', changed: [], unchanged: ['U0SLACK'] }).text).toBe(en.roles.notNamed('<@U0SLACK>'));
    expect(buildAdminsChanged(fr, { action: 'remove', changed: ['U0OLD'], unchanged: [] }).text).toBe(fr.roles.removed('<@U0OLD>'));
  });
});
