import type { Workspace } from '../../db/schema.js';
import { getWorkspace } from '../../db/workspaces.js';
import type { Deps } from '../deps.js';
import { defaultCurrency } from '../domain/money.js';
import { isLocale, type Locale } from '../i18n/index.js';

const ISO_CODE = /^[A-Z]{3}$/;

/** The currency of a workspace's amounts: the one set in the settings, else the default of its language. */
export async function workspaceCurrency(deps: Pick<Deps, 'db' | 'config'>, teamId: string): Promise<string> {
  return currencyOf(await getWorkspace(deps.db, teamId), deps.config.locale);
}

/** The same, from a workspace row already read. */
export function currencyOf(ws: Pick<Workspace, 'currency' | 'locale'> | undefined, defaultLocale: Locale): string {
  if (ws?.currency && ISO_CODE.test(ws.currency)) return ws.currency;
  return defaultCurrency(isLocale(ws?.locale) ? ws.locale : defaultLocale);
}
