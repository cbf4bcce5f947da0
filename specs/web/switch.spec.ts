import { declareCheck, expect, test } from '../../harness/web/fixtures.ts';
import { WEB_SWITCH_01 } from '../checks.ts';

test(...declareCheck(WEB_SWITCH_01), async ({ web }) => {
  await web.open();
  await web.logIn('alice');
  await web.openMessenger();
  await web.assertShows('alice');

  await web.mark('alice-logout');
  await web.logOut();
  await web.logIn('bob');
  await web.openMessenger();

  const alice = await web.user('alice');
  // Judged from the page's shutdown on (by send order), not from the click: a correct app may still
  // send something for alice while its logout runs, before it shuts the messenger down.
  const after = await web.recordsAfter(await web.boundary('alice-logout'));
  const shown = await web.visibleText();
  expect.soft(after, 'requests after alice logged out').toCarryNoTraceOf(alice);
  expect.soft(after, 'responses after alice logged out').toServeNothingOf(alice);
  expect.soft(await web.clientState(), 'cookies and storage with bob signed in').toHoldNothingOf(alice);
  expect.soft(shown, 'what bob sees').toShowNothingOf(alice);
  expect.soft(shown, 'what bob sees').toShowDataOf(await web.user('bob'));
});
