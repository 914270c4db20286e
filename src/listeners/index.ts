import type { App } from '@slack/bolt';
import { register as registerCommands } from '../../commands/index.js';
import type { Deps } from '../deps.js';
import { ACTIONS, SHORTCUTS, VIEWS } from '../ids.js';
import { afterworkCancel } from './actions/afterwork-cancel.js';
import { afterworkEdit } from './actions/afterwork-edit.js';
import { homeNewItem } from './actions/home-new-item.js';
import { openCard } from './actions/open-card.js';
import { openSettings } from './actions/open-settings.js';
import { rsvp } from './actions/rsvp.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { memberJoinedChannel } from './events/member-joined-channel.js';
import { reactionAdded } from './events/reaction-added.js';
import { reactionRemoved } from './events/reaction-removed.js';
import { sendToTerrain } from './shortcuts/send-to-terrain.js';
import { afterworkEdited, afterworkSubmitted } from './views/afterwork-submitted.js';
import { itemSubmitted } from './views/item-submitted.js';
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
  app.view(VIEWS.afterworkCreate, afterworkSubmitted(deps));
  app.view(VIEWS.afterworkEdit, afterworkEdited(deps));
  app.action(new RegExp(`^${ACTIONS.rsvp}(_(going|maybe|no))?$`), rsvp(deps));
  app.action(ACTIONS.afterworkEdit, afterworkEdit(deps));
  app.action(ACTIONS.afterworkCancel, afterworkCancel(deps));
  app.action(new RegExp(`^${ACTIONS.afterworkLink}_`), openCard);
}
