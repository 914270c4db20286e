import type { Deps } from '../src/deps.js';
import { itemCommand } from './item-command.js';

/** `/flag [text]`: a product, campaign or asset that misses what customers need. */
export const flagCommand = (deps: Deps) => itemCommand('flag', deps);
