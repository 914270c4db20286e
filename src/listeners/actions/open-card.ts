import type { SlackActionMiddlewareArgs } from '@slack/bolt';

/** Link buttons still send an action: acknowledging it keeps Slack from showing an error. */
export async function openCard({ ack }: SlackActionMiddlewareArgs): Promise<void> {
  await ack();
}
