import { describe, expect, it } from 'vitest';
import { type AdminAction, decide, isTerrainAdmin, type RoleFacts, slackAdminOf } from '../../../src/domain/roles.js';

const member: RoleFacts = { named: false, slackAdmin: false, anyNamed: true };
const ACTIONS: AdminAction[] = ['setup', 'settings', 'admins'];

describe('who may do what', () => {
  it.each(ACTIONS)('a member who is neither named nor a Slack admin may not %s', (action) => {
    expect(decide(action, member)).toEqual({ allowed: false, why: 'not_admin' });
  });

  it.each(ACTIONS)('a named Terrain admin may %s', (action) => {
    expect(decide(action, { ...member, named: true })).toEqual({ allowed: true, claimFirst: false });
  });

  it.each(ACTIONS)('a Slack admin or owner may %s without being named', (action) => {
    expect(decide(action, { ...member, slackAdmin: true })).toEqual({ allowed: true, claimFirst: false });
  });

  it('on a workspace where nobody was ever named, anyone may run setup, as the first admin to be', () => {
    expect(decide('setup', { named: false, slackAdmin: false, anyNamed: false })).toEqual({ allowed: true, claimFirst: true });
    expect(decide('setup', { named: false, slackAdmin: true, anyNamed: false })).toEqual({ allowed: true, claimFirst: true });
    expect(decide('setup', { named: false, slackAdmin: undefined, anyNamed: false })).toEqual({ allowed: true, claimFirst: true });
  });

  it('the first-setup rule opens setup only: not the settings, not naming admins', () => {
    const fresh = { named: false, slackAdmin: false, anyNamed: false };
    expect(decide('settings', fresh)).toEqual({ allowed: false, why: 'not_admin' });
    expect(decide('admins', fresh)).toEqual({ allowed: false, why: 'not_admin' });
  });

  it('when Slack could not tell the role, a member who is not named is refused as unknown', () => {
    expect(decide('settings', { ...member, slackAdmin: undefined })).toEqual({ allowed: false, why: 'role_unknown' });
    expect(decide('settings', { ...member, named: true, slackAdmin: undefined })).toEqual({ allowed: true, claimFirst: false });
  });

  it('isTerrainAdmin: named or Slack admin', () => {
    expect(isTerrainAdmin({ named: false, slackAdmin: false })).toBe(false);
    expect(isTerrainAdmin({ named: false, slackAdmin: undefined })).toBe(false);
    expect(isTerrainAdmin({ named: true, slackAdmin: false })).toBe(true);
    expect(isTerrainAdmin({ named: false, slackAdmin: true })).toBe(true);
  });
});

describe('slackAdminOf', () => {
  it('is true for an admin, an owner or the primary owner', () => {
    expect(slackAdminOf({ is_admin: 1, is_owner: 0, is_primary_owner: 0 })).toBe(true);
    expect(slackAdminOf({ is_admin: 0, is_owner: 1, is_primary_owner: 0 })).toBe(true);
    expect(slackAdminOf({ is_admin: 0, is_owner: 0, is_primary_owner: 1 })).toBe(true);
  });

  it('is false for a member without a Slack role, and unknown before the role was read', () => {
    expect(slackAdminOf({ is_admin: 0, is_owner: 0, is_primary_owner: 0 })).toBe(false);
    expect(slackAdminOf({ is_admin: null, is_owner: null, is_primary_owner: null })).toBeUndefined();
    expect(slackAdminOf(undefined)).toBeUndefined();
  });
});
