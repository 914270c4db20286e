import { afterEach, beforeEach, expect, it } from 'vitest';
import { saveWorkspaceSettings } from '../../db/workspaces.js';
import { CHANNEL, SIGNING_SECRET, startTestApp, TEAM, type TestApp } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { reactionEvent, sendCommand, sendEvent } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };

describeDb(`digest smoke (${dialect})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let app: TestApp;
  beforeEach(async () => {
    db = await createTestDatabase();
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await app?.stop();
    await fake.close();
    await db.drop();
  });

  it('posts the week at the fire time with its metadata', async () => {
    const clock = manualClock('2026-11-18T10:00:00Z');
    await saveWorkspaceSettings(db.db, TEAM, {}, new Date('2026-11-01T00:00:00Z'));
    app = await startTestApp({ db, fake, clock, env: { DIGEST_TIMEZONE: 'Europe/Paris' } });
    await sendCommand(app.url, { command: '/feedback', text: 'competitor: Rival is cheaper', response_url: fake.responseUrl() }, opts);
    const card = await fake.waitFor('chat.postMessage');
    await app.drain();
    await sendEvent(
      app.url,
      reactionEvent('reaction_added', { user: 'U0MKT1', reaction: '+1', channel: CHANNEL, ts: (card.response as { ts: string }).ts }),
      opts,
    );
    clock.set('2026-11-23T08:00:00Z');
    fake.reset();
    await app.scheduler.tick();
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.metadata).toMatchObject({ event_type: 'terrain_digest', event_payload: { run_key: '2026-11-23T08:00:00.000Z' } });
    const text = JSON.stringify(posts[0]!.args.blocks);
    expect(text).toContain('week 47');
    expect(text).toContain('Rival is cheaper');
    await app.scheduler.tick();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
