import { declareCheck, expect, test } from '../../harness/web/fixtures.ts';
import { webRequest } from '../../harness/web/replay.ts';
import { WEB_VISITOR_01 } from '../checks.ts';

test(...declareCheck(WEB_VISITOR_01), async ({ web, mock }) => {
  await web.open();
  await web.logIn('alice');
  await web.openMessenger();

  await web.mark('logout');
  await web.logOut();
  await web.reload();
  await web.openMessenger();

  // Server-side: what the browser now holds as its session must not resume alice when replayed.
  const held = await web.sessionCookie(mock.appId);
  if (held) await webRequest(mock.url, mock.appId, 'ping', { user_data: { anonymous_id: 'replayed-visitor' }, anonymous_session: held });

  // Judged from the page's shutdown on (by send order), not from the click: a correct app may still
  // send something for alice while its logout runs, before it shuts the messenger down.
  const after = await web.recordsAfter(await web.boundary('logout'));
  expect(after.length, 'the visitor booted the messenger').toBeGreaterThan(0);
  expect.soft(after, 'every request after logout, and the replayed cookie').toResolveOnlyVisitors();
});
