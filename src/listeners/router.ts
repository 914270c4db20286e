import type { App } from '@slack/bolt';

/** A listener as Terrain writes them: Bolt's arguments in, nothing out (each file types its own arguments). */
type Listener = (args: any) => Promise<void>;
type Id = string | RegExp;
interface Route {
  id: Id;
  listener: Listener;
}

/** What `register` (src/listeners/index.ts) needs: the registration methods of Bolt's App, as Terrain uses them. */
export interface ListenerTarget {
  command(name: string, listener: Listener): void;
  event(type: string, listener: Listener): void;
  shortcut(constraints: { callback_id: string; type: 'message_action' | 'shortcut' }, listener: Listener): void;
  view(callbackId: string, listener: Listener): void;
  action(actionId: Id, listener: Listener): void;
  options(constraints: { block_id: string }, listener: Listener): void;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One pattern that matches what any of the ids matches (each id whole, each RegExp as written). */
const anyOf = (ids: readonly Id[]): RegExp =>
  new RegExp(ids.map((id) => (typeof id === 'string' ? `(?:^${literal(id)}$)` : `(?:${id.source})`)).join('|'));
const matches = (id: Id, value: unknown) => typeof value === 'string' && (typeof id === 'string' ? id === value : id.test(value));

/**
 * Terrain's listeners, handed to Bolt as one listener per kind of request. Bolt runs the middleware
 * chain of every registered listener for every request, matched or not: with Terrain's forty listeners
 * that was most of the cost of a vote. Here Bolt sees six, each matching exactly the ids registered
 * (anything else stays unhandled, as before), and the request goes to the listener(s) whose id matches:
 * all of them, at once, as Bolt would run them.
 */
export class ListenerTable implements ListenerTarget {
  private readonly commands: Route[] = [];
  private readonly events: Route[] = [];
  private readonly shortcuts: Array<Route & { type: 'message_action' | 'shortcut' }> = [];
  private readonly views: Route[] = [];
  private readonly actions: Route[] = [];
  private readonly optionsRoutes: Route[] = [];

  command(name: string, listener: Listener): void {
    this.commands.push({ id: name, listener });
  }
  event(type: string, listener: Listener): void {
    this.events.push({ id: type, listener });
  }
  shortcut(constraints: { callback_id: string; type: 'message_action' | 'shortcut' }, listener: Listener): void {
    this.shortcuts.push({ id: constraints.callback_id, type: constraints.type, listener });
  }
  view(callbackId: string, listener: Listener): void {
    this.views.push({ id: callbackId, listener });
  }
  action(actionId: Id, listener: Listener): void {
    this.actions.push({ id: actionId, listener });
  }
  options(constraints: { block_id: string }, listener: Listener): void {
    this.optionsRoutes.push({ id: constraints.block_id, listener });
  }

  /** Registers one Bolt listener per kind that has routes. */
  attach(app: App): void {
    const route = (routes: readonly Route[], key: (args: any) => unknown): Listener => {
      return async (args) => {
        const value = key(args);
        const chosen = routes.filter((r) => matches(r.id, value));
        if (chosen.length === 1) return chosen[0]!.listener(args);
        await Promise.all(chosen.map((r) => r.listener(args)));
      };
    };
    const ids = (routes: readonly Route[]) => routes.map((r) => r.id);
    if (this.commands.length)
      app.command(
        anyOf(ids(this.commands)),
        route(this.commands, (a) => a.command?.command),
      );
    if (this.events.length)
      app.event(
        anyOf(ids(this.events)),
        route(this.events, (a) => a.event?.type),
      );
    for (const type of ['message_action', 'shortcut'] as const) {
      const routes = this.shortcuts.filter((r) => r.type === type);
      if (routes.length)
        app.shortcut(
          { callback_id: anyOf(ids(routes)), type },
          route(routes, (a) => a.shortcut?.callback_id),
        );
    }
    if (this.views.length)
      app.view(
        anyOf(ids(this.views)),
        route(this.views, (a) => a.view?.callback_id),
      );
    if (this.actions.length)
      app.action(
        anyOf(ids(this.actions)),
        route(this.actions, (a) => a.action?.action_id),
      );
    if (this.optionsRoutes.length)
      app.options(
        { block_id: anyOf(ids(this.optionsRoutes)) },
        route(this.optionsRoutes, (a) => a.options?.block_id ?? a.body?.block_id),
      );
  }
}
