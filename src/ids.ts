/** Slack ids shared by the manifest, the Block Kit builders, the handlers and the tests. */
export const COMMANDS = {
  feedback: '/feedback',
  flag: '/flag',
  afterwork: '/afterwork',
  terrain: '/terrain',
} as const;

export const SHORTCUTS = {
  sendToTerrain: 'send_to_terrain',
} as const;

export const VIEWS = {
  feedback: 'terrain_feedback_modal',
  flag: 'terrain_flag_modal',
  settings: 'terrain_settings_modal',
  /** Marketing declines an item: the modal asks why (DESIGN.md's contract). */
  declineReason: 'decline_reason',
  /** A customer or account behind an item (DESIGN.md's contract). */
  addCustomer: 'add_customer',
  /** Marketing moves an item with a note for the field ("what we are doing about it"). */
  statusNote: 'status_note',
  /** Marketing names the original of a duplicate (opened by ACTIONS.mergeItem on a card). */
  mergeItem: 'merge_item',
  /** `/afterwork`: the invite modal (DESIGN.md's contract). */
  afterworkCreate: 'afterwork_create',
  /** The same modal, opened by the host (or a Terrain admin) from the invite to change it. */
  afterworkEdit: 'afterwork_edit',
} as const;

export const ACTIONS = {
  homeNewFeedback: 'home_new_feedback',
  homeNewFlag: 'home_new_flag',
  openCard: 'open_card',
  openSettings: 'open_settings',
  /** Triage on the card: the value (a button's, or a select's option) is the new status. Buttons in one block add a suffix. */
  itemStatus: 'item_status',
  /** Card button: opens the add-customer modal for the item in its value. */
  addCustomer: 'add_customer',
  /** Card control (marketing): mark the item in its value as a duplicate of another. */
  mergeItem: 'merge_item',
  /** In an update message and on Home: value `mute` or `unmute` (messages about what became of items). */
  muteUpdates: 'mute_updates',
  /** On a filing confirmation: vote for a similar open item (its id in the value) instead of posting a new card. */
  voteInstead: 'vote_instead',
  /** On a filing confirmation: post my card anyway (the item id in the value). */
  postAnyway: 'post_anyway',
  /** One-click side (value `sales`, `marketing` or `other`), in the filing confirmation and on Home. */
  setSide: 'set_side',
  /** RSVP on an after-work invite: value `going`, `maybe` or `no`; the buttons of one block add a suffix (`rsvp_going`). */
  rsvp: 'rsvp',
  /** Host controls on an invite (value: the after-work id); host and Terrain admins only. */
  afterworkEdit: 'afterwork_edit',
  afterworkCancel: 'afterwork_cancel',
  /** Link buttons of after-works ("Add to calendar", the invite from Home; suffixed): Slack still sends an action, only acknowledged. */
  afterworkLink: 'afterwork_link',
} as const;

/** Block ids of the after-work modal; each input's action id is `value`. */
export const AFTERWORK_FIELDS = {
  title: 'title',
  when: 'when',
  place: 'place',
  note: 'note',
  capacity: 'capacity',
  channel: 'channel',
} as const;

/** Block ids of the item modals; each input's action id is `value`. */
export const FIELDS = {
  category: 'category',
  text: 'text',
  product: 'product',
  customer: 'customer',
  revenue: 'revenue',
  urgency: 'urgency',
  competitor: 'competitor',
  customerNeed: 'customer_need',
  reason: 'reason',
} as const;
export const FIELD_ACTION = 'value';

/** Block ids of the merge modal: the original picked among look-alikes, or typed as a number. */
export const MERGE_FIELDS = {
  original: 'merge_original',
  number: 'merge_number',
} as const;

/** Block ids of the settings modal. */
export const SETTINGS_FIELDS = {
  day: 'digest_day',
  time: 'digest_time',
  timezone: 'digest_timezone',
  cron: 'digest_cron',
  language: 'language',
  currency: 'currency',
  /** The sales and the marketing user group (optional; an external select fed by usergroups.list). */
  salesGroup: 'sales_usergroup',
  marketingGroup: 'marketing_usergroup',
} as const;

/** Block ids of the triage modals (decline reason, note) and of the add-customer modal. */
export const TRIAGE_FIELDS = {
  reason: 'reason',
  note: 'note',
} as const;

export const CUSTOMER_FIELDS = {
  account: 'account',
  revenue: 'revenue',
  note: 'note',
} as const;

/** The value of the user-group selects' option that names no group (sides are then self-declared). */
export const NO_USERGROUP = 'none';

/** Message metadata event types: how Terrain finds its own messages again after a crash. */
export const METADATA = {
  itemCard: 'terrain_item_card',
  /** Any other channel message Terrain sends through the outbox; the payload names its outbox key. */
  outbox: 'terrain_message',
  /** An after-work invite; the payload names the after-work. */
  afterwork: 'terrain_afterwork',
} as const;
