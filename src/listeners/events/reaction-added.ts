import type { Deps } from '../../deps.js';
import { reactionListener } from './reaction.js';

export const reactionAdded = (deps: Deps) => reactionListener(deps, true);
