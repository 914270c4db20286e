import type { Deps } from '../src/deps.js';
import { COMMANDS } from '../src/ids.js';
import type { ListenerTarget } from '../src/listeners/router.js';
import { afterworkCommand } from './afterwork.js';
import { feedbackCommand } from './feedback.js';
import { flagCommand } from './flag.js';
import { terrainCommand } from './terrain.js';

export function register(app: ListenerTarget, deps: Deps): void {
  app.command(COMMANDS.feedback, feedbackCommand(deps));
  app.command(COMMANDS.flag, flagCommand(deps));
  app.command(COMMANDS.afterwork, afterworkCommand(deps));
  app.command(COMMANDS.terrain, terrainCommand(deps));
}
