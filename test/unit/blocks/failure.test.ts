import { describe, expect, it } from 'vitest';
import { failureAnswer, firstInputBlockId } from '../../../src/blocks/failure.js';
import { messages } from '../../../src/i18n/index.js';

const en = messages('en');
const fr = messages('fr');
const user = { id: 'U0SALES1', team_id: 'T0001' };
const itemModal = {
  id: 'V1',
  callback_id: 'terrain_feedback_modal',
  blocks: [
    { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'intro' } },
    { type: 'input', block_id: 'category', element: {} },
    { type: 'input', block_id: 'text', element: {} },
  ],
};

describe('failureAnswer', () => {
  it('answers a command privately in its acknowledgement, saying nothing was saved and giving the text back escaped', () => {
    const answer = failureAnswer(
      'command',
      { command: '/feedback', text: 'Offline mode <!channel> & more', user_id: 'U1' },
      'storage_unavailable',
      en,
    );
    expect(answer.followUp).toBeUndefined();
    expect(answer.ack).toMatchObject({ response_type: 'ephemeral' });
    const shown = JSON.stringify(answer.ack);
    expect(shown).toContain(en.failure.notSaved.slice(0, 40));
    expect(shown).toContain('Offline mode &lt;!channel&gt; &amp; more');
    expect(shown).not.toContain('<!channel>');
  });

  it('speaks the language it is given', () => {
    const answer = failureAnswer('command', { command: '/feedback', text: 'bonjour' }, 'storage_unavailable', fr);
    expect(JSON.stringify(answer.ack)).toContain(fr.failure.notSaved.slice(0, 40));
  });

  it('a command without text gets the short message; a slow answer and a defect say what they are', () => {
    expect((failureAnswer('command', { command: '/terrain', text: '  ' }, 'storage_unavailable', en).ack as { text: string }).text).toBe(
      en.failure.notSavedNoText,
    );
    expect((failureAnswer('command', { command: '/feedback', text: 'x' }, 'not_acknowledged', en).ack as { text: string }).text).toContain(
      en.failure.slow,
    );
    expect((failureAnswer('command', { command: '/feedback', text: 'x' }, 'listener_failed', en).ack as { text: string }).text).toContain(
      en.errors.unexpected,
    );
  });

  it('keeps a modal open with the message under its first input, where the text still is', () => {
    const answer = failureAnswer('view', { type: 'view_submission', user, view: itemModal }, 'storage_unavailable', en);
    expect(answer).toEqual({ ack: { response_action: 'errors', errors: { category: en.failure.notSavedModal } } });
    expect(failureAnswer('view', { type: 'view_submission', user, view: itemModal }, 'not_acknowledged', fr).ack).toEqual({
      response_action: 'errors',
      errors: { category: fr.failure.slowModal },
    });
  });

  it('a modal without inputs closes and the person is told by direct message', () => {
    const answer = failureAnswer(
      'view',
      { type: 'view_submission', user, view: { callback_id: 'x', blocks: [] } },
      'storage_unavailable',
      en,
    );
    expect(answer.ack).toBeUndefined();
    expect(answer.followUp).toMatchObject({ userId: 'U0SALES1', responseUrl: undefined });
    expect(answer.followUp?.content.text).toBe(en.failure.notSavedNoText);
  });

  it('a shortcut is acknowledged, then told through its response_url, with the message text given back', () => {
    const answer = failureAnswer(
      'shortcut',
      {
        type: 'message_action',
        user,
        response_url: 'https://hooks.slack.com/actions/T1/1/abc',
        message: { text: 'Customer wants <https://x.example|SSO>' },
      },
      'listener_failed',
      en,
    );
    expect(answer.ack).toBeUndefined();
    expect(answer.followUp).toMatchObject({ userId: 'U0SALES1', responseUrl: 'https://hooks.slack.com/actions/T1/1/abc' });
    expect(answer.followUp?.content.text).toContain('Customer wants SSO (https://x.example)');
  });

  it('a button is acknowledged and followed by a private message; nobody is messaged for a crafted user id or URL', () => {
    const answer = failureAnswer('action', { type: 'block_actions', user, actions: [{ action_id: 'x' }] }, 'storage_unavailable', en);
    expect(answer.followUp?.content.text).toBe(en.failure.notSavedNoText);
    expect(failureAnswer('action', { type: 'block_actions', user: { id: 'U<script>' }, actions: [] }, 'listener_failed', en)).toEqual({});
    const crafted = failureAnswer(
      'action',
      { type: 'block_actions', user, response_url: 'javascript:alert(1)', actions: [] },
      'listener_failed',
      en,
    );
    expect(crafted.followUp?.responseUrl).toBeUndefined();
  });
});

describe('firstInputBlockId', () => {
  it('finds the first input block, whatever comes before it, and nothing in a malformed view', () => {
    expect(firstInputBlockId(itemModal)).toBe('category');
    expect(firstInputBlockId({ blocks: [{ type: 'input' }, { type: 'input', block_id: 'later' }] })).toBe('later');
    for (const view of [null, 'x', {}, { blocks: 'x' }, { blocks: [null, 5] }]) expect(firstInputBlockId(view)).toBeUndefined();
  });
});
