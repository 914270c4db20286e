import type { ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { FailureAnswer } from '../../../src/blocks/failure.js';
import { TerrainError, type TerrainErrorCode } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { createDispatcher, type DispatchPolicy } from '../../../src/receivers/dispatch.js';
import type { RequestKind } from '../../../src/slack/requests.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const user = { id: 'U0SALES1', team_id: 'T0001' };
const reaction = { type: 'event_callback', team_id: 'T0001', event: { type: 'reaction_added', user: 'U1', item: { type: 'message' } } };
const command = { command: '/feedback', text: 'offline mode', team_id: 'T0001', user_id: 'U0SALES1' };
const shortcut = { type: 'message_action', callback_id: 'send_to_terrain', user, message: { text: 'x' } };

/** A Bolt stand-in: runs `listener` like processEvent does (events acked first), failing like app.error rethrows. */
function setup(listener: (event: ReceiverEvent) => Promise<void>, budgetMs = 200) {
  const answered: Array<{ kind: RequestKind; code: TerrainErrorCode; msLeft: number }> = [];
  const followUps: Array<NonNullable<FailureAnswer['followUp']>> = [];
  const policy: DispatchPolicy = {
    logger: silentLogger,
    budgetMs,
    async failureAnswer(kind, _body, code, msLeft) {
      answered.push({ kind, code, msLeft });
      return kind === 'shortcut'
        ? { followUp: { userId: 'U0SALES1', content: { text: `sorry ${code}`, blocks: [] } } }
        : { ack: { text: `sorry ${code}` } };
    },
    followUp: (message) => followUps.push(message),
  };
  let calls = 0;
  const dispatch = createDispatcher(async (event) => {
    calls++;
    if (event.body.event) await event.ack();
    await listener(event);
  }, policy);
  return { dispatch, answered, followUps, calls: () => calls };
}

const storageDown = () => new TerrainError('storage_unavailable', 'down');

describe('createDispatcher', () => {
  it('answers an event only once its listener has finished', async () => {
    let stored = false;
    const { dispatch } = setup(async () => {
      await sleep(30);
      stored = true;
    });
    expect(await dispatch(reaction)).toEqual({ status: 200 });
    expect(stored).toBe(true);
  });

  it('answers 503 for an event whose storing failed, 500 for one whose listener failed otherwise', async () => {
    expect(await dispatch503()).toEqual({ status: 503, code: 'storage_unavailable' });
    const { dispatch } = setup(async () => {
      throw new TerrainError('listener_failed', 'bug');
    });
    expect(await dispatch(reaction)).toEqual({ status: 500, code: 'listener_failed' });
  });
  const dispatch503 = () =>
    setup(async () => {
      throw storageDown();
    }).dispatch(reaction, { retryNum: 1, retryReason: 'http_error' });

  it('answers 503 for an event still running after the budget (Slack will send it again)', async () => {
    const { dispatch } = setup(() => sleep(1000), 100);
    const started = Date.now();
    expect(await dispatch(reaction)).toEqual({ status: 503, code: 'not_acknowledged' });
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('answers a command as soon as its listener acknowledges, with what it acknowledged', async () => {
    let finished = false;
    const { dispatch } = setup(async ({ ack }) => {
      await ack({ response_type: 'ephemeral', text: 'noted' });
      await sleep(150);
      finished = true;
    }, 1000);
    expect(await dispatch(command)).toEqual({ status: 200, body: { response_type: 'ephemeral', text: 'noted' } });
    expect(finished).toBe(false);
  });

  it('gives the policy answer to a command whose listener failed before acknowledging', async () => {
    const { dispatch, answered } = setup(async () => {
      throw storageDown();
    });
    expect(await dispatch(command)).toEqual({ status: 200, body: { text: 'sorry storage_unavailable' } });
    expect(answered).toMatchObject([{ kind: 'command', code: 'storage_unavailable' }]);
    expect(answered[0]!.msLeft).toBeGreaterThan(100);
  });

  it('answers within the budget when nothing acknowledges, and ignores a later ack', async () => {
    let lateAck: Promise<void> | undefined;
    const { dispatch, answered } = setup(async ({ ack }) => {
      await sleep(300);
      lateAck = ack();
      await lateAck;
    }, 100);
    const started = Date.now();
    expect(await dispatch(command)).toEqual({ status: 200, body: { text: 'sorry not_acknowledged' } });
    expect(Date.now() - started).toBeLessThan(250);
    await sleep(300);
    await expect(lateAck).resolves.toBeUndefined();
    expect(answered).toHaveLength(1);
  });

  it('acknowledges a shortcut whose listener failed, then sends the private message', async () => {
    const { dispatch, followUps } = setup(async () => {
      throw new TerrainError('listener_failed', 'bug');
    });
    expect(await dispatch(shortcut)).toEqual({ status: 200, body: undefined });
    expect(followUps).toMatchObject([{ userId: 'U0SALES1', content: { text: 'sorry listener_failed' } }]);
  });

  it('answers an empty 200 for a request no listener took', async () => {
    const { dispatch } = setup(async () => {});
    expect(await dispatch({ type: 'block_actions', user, actions: [{ action_id: 'old_button' }] })).toEqual({ status: 200 });
  });

  it('refuses with 400, before Bolt reads it, a body Bolt cannot digest', async () => {
    const { dispatch, calls } = setup(async () => {});
    for (const body of [null, [], 'x', 5, { type: 'event_callback' }, { command: 5 }]) {
      expect(await dispatch(body)).toMatchObject({ status: 400 });
    }
    expect(calls()).toBe(0);
  });

  it('treats an error that did not come through app.error (Bolt itself) as the sender’s: 400, never 5xx', async () => {
    const { dispatch } = setup(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    expect(await dispatch(reaction)).toMatchObject({ status: 400 });
    expect(await dispatch(command)).toMatchObject({ status: 400 });
  });

  it('acknowledges app_rate_limited without dispatching it', async () => {
    const { dispatch, calls } = setup(async () => {});
    expect(await dispatch({ type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1 })).toEqual({ status: 200 });
    expect(calls()).toBe(0);
  });
});
