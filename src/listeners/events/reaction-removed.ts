import type { Deps } from '../../deps.js';
import { reactionListener } from './reaction.js';

export const reactionRemoved = (deps: Deps) => reactionListener(deps, false);
