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
} as const;

export const ACTIONS = {
  homeNewFeedback: 'home_new_feedback',
  homeNewFlag: 'home_new_flag',
  openCard: 'open_card',
  openSettings: 'open_settings',
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

/** Block ids of the settings modal. */
export const SETTINGS_FIELDS = {
  day: 'digest_day',
  time: 'digest_time',
  timezone: 'digest_timezone',
  cron: 'digest_cron',
  language: 'language',
} as const;

/** Message metadata event types: how Terrain finds its own messages again after a crash. */
export const METADATA = {
  itemCard: 'terrain_item_card',
  /** Any other channel message Terrain sends through the outbox; the payload names its outbox key. */
  outbox: 'terrain_message',
} as const;
