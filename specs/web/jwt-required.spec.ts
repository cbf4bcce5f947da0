import { declareCheck, expect, test } from '../../harness/web/fixtures.ts';
import { WEB_JWT_REQUIRED_01 } from '../checks.ts';

test(...declareCheck(WEB_JWT_REQUIRED_01), async ({ web }) => {
  await web.open();
  await web.mark('signed-out');
  await web.logIn('alice');
  await web.openMessenger();
  await web.sendMessage('Where is my order?');
  await web.refreshJwt();
  // A message after the refresh: the messenger handles it after whatever the refresh caused.
  await web.sendMessage('Any news?');

  const identified = await web.records('signed-out');
  expect(identified.filter((record) => record.path.endsWith('/messages')).length, 'both messages were sent').toBe(2);
  expect(identified, 'every request while alice is signed in').toCarryJwtWhenIdentified();
});
