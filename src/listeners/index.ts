import { register as registerCommands } from '../../commands/index.js';
import type { Deps } from '../deps.js';
import { ACTIONS, SETTINGS_FIELDS, SHORTCUTS, VIEWS } from '../ids.js';
import { addCustomerButton } from './actions/add-customer.js';
import { afterworkCancel } from './actions/afterwork-cancel.js';
import { afterworkEdit } from './actions/afterwork-edit.js';
import { homeNewItem } from './actions/home-new-item.js';
import { itemStatus } from './actions/item-status.js';
import { mergeItem } from './actions/merge-item.js';
import { muteUpdates } from './actions/mute-updates.js';
import { openCard } from './actions/open-card.js';
import { openSettings } from './actions/open-settings.js';
import { postAnyway } from './actions/post-anyway.js';
import { rsvp } from './actions/rsvp.js';
import { setSide } from './actions/set-side.js';
import { voteInstead } from './actions/vote-instead.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { memberJoinedChannel } from './events/member-joined-channel.js';
import { reactionAdded } from './events/reaction-added.js';
import { reactionRemoved } from './events/reaction-removed.js';
import { usergroupOptions } from './options/usergroup-options.js';
import type { ListenerTarget } from './router.js';
import { sendToTerrain } from './shortcuts/send-to-terrain.js';
import { afterworkEdited, afterworkSubmitted } from './views/afterwork-submitted.js';
import { customerSubmitted } from './views/customer-submitted.js';
import { itemSubmitted } from './views/item-submitted.js';
import { mergeSubmitted } from './views/merge-submitted.js';
import { settingsSubmitted } from './views/settings-submitted.js';
import { statusSubmitted } from './views/status-submitted.js';

/**
 * Every listener Terrain has, registered in one place (the manifest test reads this too). The target is
 * a ListenerTable (src/listeners/router.ts), which hands them to Bolt as one listener per kind.
 */
export function register(app: ListenerTarget, deps: Deps): void {
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
  // Link buttons to cards: `open_card_<id>`, or `open_card_<list>_<id>` on the Home tab (ids unique in the view).
  app.action(new RegExp(`^${ACTIONS.openCard}_(\\w+_)?\\d+$`), openCard);
  app.action(new RegExp(`^${ACTIONS.setSide}(_\\w+)?$`), setSide(deps));
  app.action(ACTIONS.muteUpdates, muteUpdates(deps));
  app.options({ block_id: SETTINGS_FIELDS.salesGroup }, usergroupOptions(deps));
  app.options({ block_id: SETTINGS_FIELDS.marketingGroup }, usergroupOptions(deps));
  // Triage on the card: `item_status_<status>` buttons and the `item_status_note` menu (the value is the status).
  app.action(new RegExp(`^${ACTIONS.itemStatus}(_\\w+)?$`), itemStatus(deps));
  app.view(VIEWS.declineReason, statusSubmitted(deps));
  app.view(VIEWS.statusNote, statusSubmitted(deps));
  app.action(ACTIONS.addCustomer, addCustomerButton(deps));
  app.view(VIEWS.addCustomer, customerSubmitted(deps));
  app.action(ACTIONS.voteInstead, voteInstead(deps));
  app.action(ACTIONS.postAnyway, postAnyway(deps));
  // The card's control may carry a suffix (ids are unique per block): `merge_item`, `merge_item_42`.
  app.action(new RegExp(`^${ACTIONS.mergeItem}(_[a-z0-9]+)?$`), mergeItem(deps));
  app.view(VIEWS.mergeItem, mergeSubmitted(deps));
  app.view(VIEWS.afterworkCreate, afterworkSubmitted(deps));
  app.view(VIEWS.afterworkEdit, afterworkEdited(deps));
  app.action(new RegExp(`^${ACTIONS.rsvp}(_(going|maybe|no))?$`), rsvp(deps));
  app.action(ACTIONS.afterworkEdit, afterworkEdit(deps));
  app.action(ACTIONS.afterworkCancel, afterworkCancel(deps));
  app.action(new RegExp(`^${ACTIONS.afterworkLink}_`), openCard);
}
