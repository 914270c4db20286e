// The floor Terrain is measured against: a bare Bolt app (the same Bolt version) whose `/feedback`
// handler only acknowledges and whose `reaction_added` listener does nothing. HTTP mode, Bolt's own
// receiver, the same Web API URL. Started by bench/compare.ts; PORT, SLACK_SIGNING_SECRET,
// SLACK_API_URL come from its environment.
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: bolt.LogLevel.ERROR,
});
app.command('/feedback', async ({ ack }) => {
  await ack();
});
app.event('reaction_added', async () => {});
await app.start(Number(process.env.PORT));
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
