import { afterEach, beforeEach, expect, it } from 'vitest';
import { SIGNING_SECRET } from '../support/app.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { freePort, startProcess, waitForHealth } from '../support/process.js';
import { sendCommand } from '../support/slack-requests.js';

describeDb(`the bot process (${dialect})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let running: ReturnType<typeof startProcess> | undefined;

  beforeEach(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    running?.child.kill('SIGKILL');
    await fake.close();
    await db.drop();
  });

  it('starts in HTTP mode, serves /healthz and commands, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    running = startProcess({
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATABASE_URL: db.url,
      TERRAIN_CHANNEL: 'C0TERRAIN',
    });
    const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });

    const res = await sendCommand(
      `http://127.0.0.1:${port}/slack/events`,
      { command: '/feedback', text: 'Filed through the real process', response_url: fake.responseUrl('p') },
      { secret: SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    expect(res.json.text).toContain('its card goes up');
    await fake.waitFor('chat.postMessage', (c) => c.args.metadata?.event_type === 'terrain_item_card');
    // The workspace is recorded at start, so the digest knows since when Terrain runs there.
    expect(await db.db.selectFrom('workspaces').select('team_id').execute()).toEqual([{ team_id: 'T0001' }]);

    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    expect(running.output()).toMatch(/stopping/);
  });

  it('a SIGTERM during start-up stops cleanly: what started is stopped, exit 0, nothing served', async () => {
    const port = await freePort();
    // Slack answers the start-up's token check slowly; the signal comes while the process waits for it.
    let asked!: () => void;
    const askedForToken = new Promise<void>((resolve) => {
      asked = resolve;
    });
    fake.on('auth.test', async () => {
      asked();
      await new Promise((r) => setTimeout(r, 1500));
      return undefined;
    });
    running = startProcess({
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATABASE_URL: db.url,
    });
    await askedForToken;
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    const out = running.output();
    expect(out).toMatch(/stopping/);
    expect(out).not.toMatch(/Terrain is running/);
    expect(out).not.toMatch(/cannot start/);
    // The HTTP server never started, and the workspace was not recorded after the signal.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(await db.db.selectFrom('workspaces').selectAll().execute()).toEqual([]);
  });

  it('refuses to start with one message listing every configuration problem', async () => {
    running = startProcess({
      SLACK_BOT_TOKEN: 'not-a-token',
      TERRAIN_CHANNEL: 'general',
      DIGEST_TIMEZONE: 'Mars/Olympus',
      DATABASE_URL: db.url,
    });
    expect(await running.exit).toBe(1);
    const out = running.output();
    expect(out).toContain('4 configuration problems');
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'TERRAIN_CHANNEL', 'DIGEST_TIMEZONE']) expect(out).toContain(name);
  });

  it('says clearly when Slack refuses the bot token', async () => {
    fake.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    running = startProcess({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_URL: db.url,
    });
    expect(await running.exit).toBe(1);
    expect(running.output()).toMatch(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
  });
});
