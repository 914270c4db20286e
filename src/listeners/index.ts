import type { App } from '@slack/bolt';
import { register as registerCommands } from '../../commands/index.js';
import type { Deps } from '../deps.js';
import { ACTIONS, SHORTCUTS, VIEWS } from '../ids.js';
import { homeNewItem } from './actions/home-new-item.js';
import { mergeItem } from './actions/merge-item.js';
import { openCard } from './actions/open-card.js';
import { openSettings } from './actions/open-settings.js';
import { postAnyway } from './actions/post-anyway.js';
import { voteInstead } from './actions/vote-instead.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { memberJoinedChannel } from './events/member-joined-channel.js';
import { reactionAdded } from './events/reaction-added.js';
import { reactionRemoved } from './events/reaction-removed.js';
import { sendToTerrain } from './shortcuts/send-to-terrain.js';
import { itemSubmitted } from './views/item-submitted.js';
import { mergeSubmitted } from './views/merge-submitted.js';
import { settingsSubmitted } from './views/settings-submitted.js';

/** Every listener Terrain has, registered in one place (the manifest test reads this too). */
export function register(app: App, deps: Deps): void {
  registerCommands(app, deps);
  app.event('reaction_added', reactionAdded(deps));
  app.event('reaction_removed', reactionRemoved(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('member_joined_channel', memberJoinedChannel(deps));
  app.shortcut({ callback_id: SHORTCUTS.sendToTerrain, type: 'message_action' }, sendToTerrain(deps));
  app.view(VIEWS.feedback, itemSubmitted(deps, 'feedback'));
  app.view(VIEWS.flag, itemSubmitted(deps, 'flag'));
  app.view(VIEWS.settings, settingsSubmitted(deps));
  app.action(ACTIONS.homeNewFeedback, homeNewItem(deps, 'feedback'));
  app.action(ACTIONS.homeNewFlag, homeNewItem(deps, 'flag'));
  app.action(ACTIONS.openSettings, openSettings(deps));
  app.action(new RegExp(`^${ACTIONS.openCard}_\\d+$`), openCard);
  app.action(ACTIONS.voteInstead, voteInstead(deps));
  app.action(ACTIONS.postAnyway, postAnyway(deps));
  // The card's control may carry a suffix (ids are unique per block): `merge_item`, `merge_item_42`.
  app.action(new RegExp(`^${ACTIONS.mergeItem}(_[a-z0-9]+)?$`), mergeItem(deps));
  app.view(VIEWS.mergeItem, mergeSubmitted(deps));
}
