import { afterEach, beforeEach } from 'vitest';
import type { Clock } from '../../src/clock.js';
import type { Env } from '../../src/config.js';
import { startTestApp, type TestApp } from './app.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';

export interface E2EOptions {
  /** Start the app before each test (the default); `false` for tests that call `start()` themselves. */
  start?: boolean;
  /** The app's environment, on top of the test defaults (see `startTestApp`). */
  env?: Env;
  clock?: Clock;
  socketMode?: boolean;
}

export interface E2E {
  /** This test's database. */
  readonly db: TestDatabase;
  /** This test's fake Slack. */
  readonly fake: FakeSlack;
  /** This test's app; an error before it is started. */
  readonly app: TestApp;
  /** Starts this test's app (once a test), with `env` and `clock` in place of the options' own. */
  start(env?: Env, clock?: Clock): Promise<TestApp>;
}

/**
 * The set-up every end-to-end test shares, as vitest hooks of the suite it is called in: before each
 * test a fresh database, a fake Slack and (unless `start: false`) the app against them; after it the
 * app is stopped, then the fake closed, then the database dropped (the app first: see fake-slack.ts).
 */
export function useE2E(options: E2EOptions = {}): E2E {
  let db: TestDatabase | undefined;
  let fake: FakeSlack | undefined;
  let app: TestApp | undefined;

  const e2e: E2E = {
    get db() {
      if (!db) throw new Error('useE2E: no test database outside a test');
      return db;
    },
    get fake() {
      if (!fake) throw new Error('useE2E: no fake Slack outside a test');
      return fake;
    },
    get app() {
      if (!app) throw new Error('useE2E: the app is not started (call start() first)');
      return app;
    },
    async start(env = options.env, clock = options.clock) {
      if (app) throw new Error('useE2E: the app of this test is already started');
      app = await startTestApp({ db: e2e.db, fake: e2e.fake, env, clock, socketMode: options.socketMode });
      return app;
    },
  };

  beforeEach(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
    if (options.start ?? true) await e2e.start();
  });
  afterEach(async () => {
    const [stopping, closing, dropping] = [app, fake, db];
    app = undefined;
    fake = undefined;
    db = undefined;
    await stopping?.stop();
    await closing?.close();
    await dropping?.drop();
  });

  return e2e;
}
