import { getWorkspace } from '../../db/workspaces.js';
import type { Deps } from '../deps.js';

/** Where cards go: the channel `/terrain setup` chose, else TERRAIN_CHANNEL, else nowhere yet. */
export async function sharedChannel(deps: Pick<Deps, 'db' | 'config'>, teamId: string): Promise<string | undefined> {
  const ws = await getWorkspace(deps.db, teamId);
  return ws?.channel_id ?? deps.config.channelId;
}
