import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Deps } from '../../src/deps.js';
import { SHORTCUTS } from '../../src/ids.js';
import { register } from '../../src/listeners/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schemaUrl = new URL('../../../shared/slack/manifest.schema.1.0.0.json', import.meta.url);
const schemaExists = existsSync(schemaUrl);

interface Manifest {
  _metadata?: { major_version?: number; minor_version?: number };
  display_information: { name: string; description?: string; long_description?: string };
  features?: {
    slash_commands?: { command: string; description: string; usage_hint?: string; url?: string }[];
    shortcuts?: { name: string; type: 'message' | 'global'; callback_id: string; description: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { bot_events?: string[] };
    interactivity?: { is_enabled?: boolean };
    socket_mode_enabled?: boolean;
  };
}

const manifestText = readFileSync(join(root, 'manifest.yml'), 'utf8');
const manifest = parse(manifestText) as Manifest;

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

// ---------------------------------------------------------------------------------------------------
// What the code registers: a stand-in for Bolt's App that records the first argument of every call.

type Constraint = string | RegExp | Record<string, unknown>;

interface Registered {
  commands: Constraint[];
  events: Constraint[];
  shortcuts: Constraint[];
  views: Constraint[];
  actions: Constraint[];
  messages: unknown[];
  options: Constraint[];
}

function recordRegistrations(): { registered: Registered; touched: string[] } {
  const registered: Registered = { commands: [], events: [], shortcuts: [], views: [], actions: [], messages: [], options: [] };
  const recorder = {
    command: (name: Constraint) => void registered.commands.push(name),
    event: (name: Constraint) => void registered.events.push(name),
    shortcut: (constraints: Constraint) => void registered.shortcuts.push(constraints),
    view: (constraints: Constraint) => void registered.views.push(constraints),
    action: (constraints: Constraint) => void registered.actions.push(constraints),
    message: (...args: unknown[]) => void registered.messages.push(args[0]),
    options: (constraints: Constraint) => void registered.options.push(constraints),
    use: () => undefined,
    error: () => undefined,
  };
  // The listener factories only capture deps; if one starts reading deps while registering, this
  // stand-in has to be given what it reads, so the test says which field it was.
  const touched: string[] = [];
  const deps = new Proxy({} as Deps, {
    get(_target, key) {
      touched.push(String(key));
      return undefined;
    },
  });
  register(recorder as unknown as App, deps);
  return { registered, touched };
}

const { registered, touched } = recordRegistrations();

function names(kind: string, constraints: Constraint[]): string[] {
  return constraints.map((c) => {
    if (typeof c !== 'string')
      throw new Error(`a ${kind} is registered with ${String(c)}, which the manifest test cannot compare with manifest.yml`);
    return c;
  });
}

/** Shortcut callback ids registered for one shortcut type (Bolt's `message_action` or `shortcut`). */
function shortcutIds(type: 'message_action' | 'shortcut'): string[] {
  return registered.shortcuts.flatMap((c) => {
    if (typeof c === 'string') return [c]; // no type: it answers both kinds
    if (c instanceof RegExp)
      throw new Error(`a shortcut is registered with ${String(c)}, which the manifest test cannot compare with manifest.yml`);
    if (c.type !== undefined && c.type !== type) return [];
    if (typeof c.callback_id !== 'string') {
      throw new Error(`a shortcut is registered with callback_id ${String(c.callback_id)}, which the manifest test cannot compare`);
    }
    return [c.callback_id];
  });
}

// ---------------------------------------------------------------------------------------------------
// What the code calls: every `client.<a>.<b>(` or `client.<a>.<b>.<c>(` in src/, commands/, scheduled/.

/**
 * The bot scope each Web API method needs ('' when it needs none). A method the code calls that is not
 * here fails the test: whoever adds a call decides its scope here and adds that scope to manifest.yml.
 * For conversations.*, the public-channel scope stands for the family; the groups:* twins are allowed below.
 */
const METHOD_SCOPES: Readonly<Record<string, string>> = {
  'auth.test': '',
  'chat.getPermalink': '',
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'conversations.history': 'channels:history',
  'conversations.replies': 'channels:history',
  'conversations.info': 'channels:read',
  'conversations.join': 'channels:join',
  'reactions.add': 'reactions:write',
  'reactions.get': 'reactions:read',
  'users.info': 'users:read',
  'usergroups.list': 'usergroups:read',
  'usergroups.users.list': 'usergroups:read',
  'views.open': '',
  'views.publish': '',
  'views.push': '',
  'views.update': '',
};

/**
 * Scopes the manifest may list although no Web API call in the code needs them. Keep this short:
 * - commands: the slash commands and the message shortcut need it;
 * - reactions:read: the reaction_added / reaction_removed events (votes) are only delivered with it.
 */
const ALLOWED_WITHOUT_CALL: Readonly<Record<string, string>> = {
  commands: 'slash commands and shortcuts',
  'reactions:read': 'reaction_added / reaction_removed events',
};

/** A groups:* scope is allowed when the code needs its channels:* twin: the same call on a private channel. */
const PRIVATE_TWINS: Readonly<Record<string, string>> = {
  'channels:read': 'groups:read',
  'channels:history': 'groups:history',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Web API method → the files that call it. */
function webApiCalls(): Map<string, string[]> {
  const calls = new Map<string, string[]>();
  const pattern = /\bclient\s*\.\s*([A-Za-z]+)\s*\.\s*([A-Za-z]+)(?:\s*\.\s*([A-Za-z]+))?\s*\(/g;
  for (const dir of ['src', 'commands', 'scheduled']) {
    for (const file of sourceFiles(join(root, dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
        const method = match.slice(1).filter(Boolean).join('.');
        const files = calls.get(method) ?? [];
        files.push(relative(root, file));
        calls.set(method, files);
      }
    }
  }
  return calls;
}

const calls = webApiCalls();
const manifestScopes = manifest.oauth_config?.scopes?.bot ?? [];

// ---------------------------------------------------------------------------------------------------

describe('manifest.yml', () => {
  it('is a version 1 manifest for Terrain', () => {
    expect(manifest._metadata?.major_version).toBe(1);
    expect(manifest.display_information.name).toBe('Terrain');
  });

  if (!schemaExists) {
    console.warn(
      `manifest schema not found at ${fileURLToPath(schemaUrl)}: schema validation skipped (the other manifest checks still run)`,
    );
  }
  // Skipped, with the warning above, only when ../shared/slack/manifest.schema.1.0.0.json is absent.
  it.skipIf(!schemaExists)("validates against Slack's manifest JSON Schema", () => {
    const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    // ajv-formats is not installed: accept the formats the schema names rather than fail on them.
    for (const format of ['uri', 'uri-reference', 'url', 'email', 'date', 'date-time', 'time', 'regex', 'hostname']) {
      ajv.addFormat(format, true);
    }
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(valid, ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
  });

  describe('agrees with what src/listeners/index.ts registers', () => {
    it('registers without reading deps', () => {
      expect(touched, 'register() read these deps fields at registration time; give the stand-in deps what they need').toEqual([]);
    });

    it('has exactly the registered slash commands', () => {
      const inManifest = (manifest.features?.slash_commands ?? []).map((c) => c.command);
      expect(sorted(inManifest)).toEqual(sorted(names('command', registered.commands)));
      expect(inManifest.length, 'a slash command is listed twice').toBe(new Set(inManifest).size);
    });

    it('has exactly the registered message shortcuts, including "Send to Terrain"', () => {
      const shortcuts = manifest.features?.shortcuts ?? [];
      const message = shortcuts.filter((s) => s.type === 'message').map((s) => s.callback_id);
      const global = shortcuts.filter((s) => s.type === 'global').map((s) => s.callback_id);
      expect(sorted(message)).toEqual(sorted(shortcutIds('message_action')));
      for (const id of global) expect(shortcutIds('shortcut'), `global shortcut ${id} has no listener`).toContain(id);
      expect(shortcuts.find((s) => s.callback_id === SHORTCUTS.sendToTerrain)).toMatchObject({ name: 'Send to Terrain', type: 'message' });
    });

    it('subscribes to exactly the registered bot events', () => {
      expect(registered.messages, 'app.message() needs message.* events in manifest.yml and this test').toEqual([]);
      expect(sorted(manifest.settings?.event_subscriptions?.bot_events ?? [])).toEqual(sorted(names('event', registered.events)));
    });
  });

  describe('asks for the scopes the code needs, and no others', () => {
    it('finds the Web API calls in the code', () => {
      expect([...calls.keys()]).toContain('chat.postMessage');
    });

    it('knows the scope of every Web API method the code calls', () => {
      const unknown = [...calls.entries()]
        .filter(([method]) => !(method in METHOD_SCOPES))
        .map(([method, files]) => `${method} (${sorted(files).join(', ')})`);
      expect(
        unknown,
        'Web API methods missing from METHOD_SCOPES in test/unit/manifest.test.ts: add each with the bot scope it needs, and the scope to manifest.yml',
      ).toEqual([]);
    });

    it('lists every scope the code needs', () => {
      for (const [method, files] of calls) {
        const scope = METHOD_SCOPES[method];
        if (!scope) continue;
        expect(manifestScopes, `${method} (${sorted(files).join(', ')}) needs ${scope}`).toContain(scope);
      }
    });

    it('lists no scope that no code needs', () => {
      const needed = new Set([...calls.keys()].map((method) => METHOD_SCOPES[method]).filter((scope): scope is string => Boolean(scope)));
      const allowed = new Set([...needed, ...Object.keys(ALLOWED_WITHOUT_CALL)]);
      for (const [channels, groups] of Object.entries(PRIVATE_TWINS)) if (needed.has(channels)) allowed.add(groups);
      expect(
        manifestScopes.filter((scope) => !allowed.has(scope)),
        'scopes no code needs',
      ).toEqual([]);
      expect(manifestScopes.length, 'a scope is listed twice').toBe(new Set(manifestScopes).size);
    });
  });

  it('uses Socket Mode, with interactivity on', () => {
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });
});
