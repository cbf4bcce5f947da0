import { declareCheck, expect, test } from '../../harness/web/fixtures.ts';
import { WEB_LOGOUT_01 } from '../checks.ts';

test(...declareCheck(WEB_LOGOUT_01), async ({ web }) => {
  await web.open();
  await web.logIn('alice');
  await web.openMessenger();
  await web.assertShows('alice');

  await web.mark('logout');
  await web.logOut();
  await web.reload();
  await web.openMessenger();

  const alice = await web.user('alice');
  // Judged from the page's shutdown on (by send order), not from the click: a correct app may still
  // send something for alice while its logout runs, before it shuts the messenger down.
  const after = await web.recordsAfter(await web.boundary('logout'));
  expect.soft(after, 'requests after logout').toCarryNoTraceOf(alice);
  expect.soft(after, 'responses after logout').toServeNothingOf(alice);
  expect.soft(await web.clientState(), 'cookies and storage after logout').toHoldNothingOf(alice);
  expect.soft(await web.visibleText(), 'what the visitor sees').toShowNothingOf(alice);
});
