import type { Deps } from '../src/deps.js';
import { itemCommand } from './item-command.js';

/** `/feedback [text]`: field feedback, quick or through the modal. */
export const feedbackCommand = (deps: Deps) => itemCommand('feedback', deps);
