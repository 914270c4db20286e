import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as kysely sees it. Times are ISO-8601 UTC text (`2026-11-23T09:00:00.000Z`), which sorts
 * and compares the same way on SQLite and PostgreSQL. Every table is scoped by the Slack `team_id`.
 */
export interface Database {
  workspaces: WorkspacesTable;
  members: MembersTable;
  items: ItemsTable;
  vote_reactions: VoteReactionsTable;
  status_changes: StatusChangesTable;
  job_runs: JobRunsTable;
  outbox: OutboxTable;
  admins: AdminsTable;
  item_customers: ItemCustomersTable;
  afterworks: AfterworksTable;
  afterwork_rsvps: AfterworkRsvpsTable;
  /** PostgreSQL only: each item's words as a stored tsvector, kept by a trigger (migration 0012). */
  item_search: ItemSearchTable;
}

export interface ItemSearchTable {
  item_id: number;
  vector: string;
}

export type Side = 'sales' | 'marketing' | 'other';
export type ItemKind = 'feedback' | 'flag';
export type FeedbackCategory = 'need' | 'objection' | 'competitor' | 'idea' | 'praise';
export type Urgency = 'low' | 'medium' | 'high';
export type ItemStatus = 'new' | 'acknowledged' | 'planned' | 'shipped' | 'declined' | 'merged';
/** Where an item's card stands: waiting to be posted, posted, or waiting for the bot to be let into the channel. */
export type CardState = 'pending' | 'posted' | 'blocked';

export interface WorkspacesTable {
  team_id: string;
  channel_id: string | null;
  digest_cron: string | null;
  digest_timezone: string | null;
  locale: string | null;
  /** The digest schedule (`cron|zone`) last seen in force, and since when. */
  schedule_key: string | null;
  schedule_since: string | null;
  /** When the first Terrain admin was named: from then on, running `/terrain setup` makes nobody an admin. */
  first_admin_at: string | null;
  /** ISO 4217 code amounts are shown in (`EUR`, `USD`); null until set in the settings. */
  currency: string | null;
  /** Slack user groups whose members are on the sales and the marketing side (synced), if named. */
  sales_usergroup_id: string | null;
  marketing_usergroup_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembersTable {
  team_id: string;
  user_id: string;
  side: Side | null;
  locale: string | null;
  tz: string | null;
  /** When locale and tz were last read from Slack (users.info). */
  profile_fetched_at: string | null;
  /** Slack's is_admin, is_owner, is_primary_owner (1 or 0) as read with the profile; null until read. */
  is_admin: number | null;
  is_owner: number | null;
  is_primary_owner: number | null;
  /** 1 when the member asked not to get messages about what became of items (unmuted from Home). */
  updates_muted: Generated<number>;
  /** The name Slack shows for them (display name, else real name, else handle), read with the profile. */
  display_name: string | null;
  updated_at: string;
}

export interface ItemsTable {
  id: Generated<number>;
  team_id: string;
  kind: ItemKind;
  category: FeedbackCategory | null;
  text: string;
  product: string | null;
  customer: string | null;
  revenue: number | null;
  urgency: Urgency | null;
  competitor: string | null;
  /** For flags: the customer need that the product, campaign or asset misses. */
  customer_need: string | null;
  /** For flags: why it misses. */
  reason: string | null;
  author_id: string;
  author_side: Side | null;
  source_channel_id: string | null;
  source_ts: string | null;
  source_permalink: string | null;
  status: ItemStatus;
  merged_into: number | null;
  card_channel_id: string;
  card_ts: string | null;
  card_state: CardState;
  /** Where to tell the submitter once the card is out: a response_url, else a DM. */
  reply_to: string | null;
  locale: string | null;
  /** Slack's id for what created the item (view id, command trigger): a retry finds the same row. */
  client_key: string | null;
  /** When marketing first moved it out of `new`: the field's wait for an answer. */
  first_response_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface VoteReactionsTable {
  team_id: string;
  item_id: number;
  user_id: string;
  /** The reaction exactly as Slack names it (`+1::skin-tone-3`): removing it must remove this one. */
  reaction: string;
  active: number;
  /** Slack's event_ts of the latest event applied: an older event that arrives late changes nothing. */
  event_ts: string;
  /** When the reaction was last added. */
  added_at: string;
}

export interface StatusChangesTable {
  id: Generated<number>;
  team_id: string;
  item_id: number;
  from_status: ItemStatus;
  to_status: ItemStatus;
  by_user_id: string;
  /** Marketing's note ("what we are doing about it"), sent with the update. */
  note: string | null;
  /** Why it was declined. */
  reason: string | null;
  created_at: string;
}

/** A customer or account behind an item, counted once per item whoever adds it again. */
export interface ItemCustomersTable {
  team_id: string;
  item_id: number;
  /** The account as compared: trimmed, case and accents folded, inner spaces collapsed. */
  account_key: string;
  /** The account as first written. */
  account: string;
  revenue: number | null;
  note: string | null;
  added_by: string;
  created_at: string;
}

/** One row per run of a scheduled job and period, claimed before the job runs: once, whatever the replicas. */
export interface JobRunsTable {
  team_id: string;
  job: string;
  run_key: string;
  channel_id: string;
  state: 'claimed' | 'done';
  claimed_by: string;
  claimed_at: string;
  lease_until: string;
  message_ts: string | null;
  finished_at: string | null;
}

/** `withdrawn`: never to be sent (a card whose item was merged before it went out). */
export type OutboxState = 'pending' | 'sent' | 'failed' | 'withdrawn';

/**
 * A Slack side effect of a stored change (a card, a confirmation, a DM, an update), written in the same
 * transaction as the change and sent afterwards: once, retried until Slack takes it, never doubled.
 */
export interface OutboxTable {
  id: Generated<number>;
  team_id: string;
  /** Unique per workspace (`card:42`): enqueuing the same effect twice is a no-op. */
  key: string;
  /** Which handler sends it (`item_card`, `notice`…). */
  kind: string;
  /** JSON: what the handler needs, as ids rather than rendered blocks where it can (built at send time). */
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  /** The sender holding the message, and until when; renewed while it is alive. */
  lease_owner: string | null;
  lease_until: string | null;
  /** 1 when an attempt may have reached Slack (a crash or a timeout mid-send): look before sending again. */
  uncertain: number;
  /** Slack's error code (or a short reason) of the last failed attempt. */
  last_error: string | null;
  /** JSON: what Slack answered that matters (channel, ts). */
  result: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** A member named Terrain admin (`/terrain admins add`, or the first to run `/terrain setup`). */
export interface AdminsTable {
  team_id: string;
  user_id: string;
  /** Who named them: another admin, or themselves when their setup made them the first. */
  added_by: string;
  created_at: string;
}

export type AfterworkState = 'active' | 'cancelled';
export type RsvpAnswer = 'going' | 'maybe' | 'no' | 'waitlisted';

/** An after-work invite: its time is a UTC instant, shown with Slack's `<!date^…>` in each reader's zone. */
export interface AfterworksTable {
  id: Generated<number>;
  team_id: string;
  host_id: string;
  title: string;
  /** ISO-8601 UTC. */
  starts_at: string;
  /** The host's zone when it was set: the fallback text of the date, and how the text was read. */
  timezone: string;
  place: string | null;
  note: string | null;
  /** People going at most, the host included; null for no limit. */
  capacity: number | null;
  channel_id: string;
  /** The invite's ts once posted. */
  message_ts: string | null;
  state: AfterworkState;
  cancelled_by: string | null;
  /** Raised by every change (answers, edits): changes are taken one at a time, and name their card update. */
  version: number;
  /** Slack's id of the modal that created it: the same submission twice is the same after-work. */
  client_key: string | null;
  created_at: string;
  updated_at: string;
}

/** One answer per person and after-work, with the member's side at the time of the answer. */
export interface AfterworkRsvpsTable {
  team_id: string;
  afterwork_id: number;
  user_id: string;
  answer: RsvpAnswer;
  side: Side | null;
  answered_at: string;
  /** When they joined the waitlist: its order. Null unless waitlisted. */
  waitlisted_at: string | null;
}

export type Workspace = Selectable<WorkspacesTable>;
export type Member = Selectable<MembersTable>;
export type Item = Selectable<ItemsTable>;
export type NewItem = Insertable<ItemsTable>;
export type ItemUpdate = Updateable<ItemsTable>;
export type VoteReaction = Selectable<VoteReactionsTable>;
export type StatusChange = Selectable<StatusChangesTable>;
export type JobRun = Selectable<JobRunsTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type ItemCustomer = Selectable<ItemCustomersTable>;
export type Admin = Selectable<AdminsTable>;
export type Afterwork = Selectable<AfterworksTable>;
export type AfterworkRsvp = Selectable<AfterworkRsvpsTable>;
