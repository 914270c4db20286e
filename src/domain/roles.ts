/**
 * Who may do what. Terrain admins are the workspace's Slack admins and owners, plus the members named
 * with `/terrain admins add`; on a workspace where nobody was ever named, whoever runs `/terrain setup`
 * first becomes one. Facts come from the database and Slack (services/roles.ts); the rule is here.
 */

/** What only Terrain admins may do: choose the channel, change the settings, name or remove admins. */
export type AdminAction = 'setup' | 'settings' | 'admins';

export interface RoleFacts {
  /** Named Terrain admin (`/terrain admins add`, or made the first by their setup). */
  named: boolean;
  /** A Slack admin, owner or primary owner of the workspace; undefined when Slack could not tell. */
  slackAdmin: boolean | undefined;
  /** A Terrain admin was named in the workspace at some point (removing them later does not undo it). */
  anyNamed: boolean;
}

export type Decision =
  /** `claimFirst`: allowed as the first to run setup; the claim in the database decides, once. */
  | { allowed: true; claimFirst: boolean }
  /** `role_unknown`: Slack could not say whether they are a Slack admin, and nothing else allows it. */
  | { allowed: false; why: 'not_admin' | 'role_unknown' };

export function isTerrainAdmin(facts: Pick<RoleFacts, 'named' | 'slackAdmin'>): boolean {
  return facts.named || facts.slackAdmin === true;
}

export function decide(action: AdminAction, facts: RoleFacts): Decision {
  if (action === 'setup' && !facts.anyNamed) return { allowed: true, claimFirst: true };
  if (isTerrainAdmin(facts)) return { allowed: true, claimFirst: false };
  return { allowed: false, why: facts.slackAdmin === undefined ? 'role_unknown' : 'not_admin' };
}

/** Slack's role flags as cached with a member's profile (1/0, null before they were read). */
export function slackAdminOf(profile: { is_admin: number | null; is_owner: number | null; is_primary_owner: number | null } | undefined) {
  if (!profile || profile.is_admin === null) return undefined;
  return profile.is_admin === 1 || profile.is_owner === 1 || profile.is_primary_owner === 1;
}

/** Who the named admins are: what an answer about roles tells. */
export interface AdminsOverview {
  /** Named admins' user ids, valid ones only, in the order they were named. */
  named: string[];
  /** Whether anyone was ever named (else the first to run setup becomes one). */
  anyNamed: boolean;
}

export interface AdminsChange {
  action: 'add' | 'remove';
  /** Added or removed by this command. */
  changed: string[];
  /** Already admins (add), or not named admins (remove). */
  unchanged: string[];
}

/** What the sides do on items: marketing triages (and Terrain admins); sales and marketing add customers. */
export type SideAction = 'triage' | 'add_customer';

/**
 * Whether a member's side lets them do it (Terrain admins may do both whatever their side). Customers are
 * added by both sides: marketing hears customers too (events, calls) and triages with them in mind. A
 * member who has not said their side is asked to, rather than let in: accounts and amounts are what the
 * ranking weighs, so they come from people the digest can count by side.
 */
export function sideAllows(action: SideAction, side: 'sales' | 'marketing' | 'other' | null | undefined): boolean {
  if (action === 'triage') return side === 'marketing';
  return side === 'sales' || side === 'marketing';
}
