import { checkTest, expect, SoftVerdicts, useMobileSession } from '../../harness/mobile/index.ts';
import { MOB_LOGOUT_01 } from '../checks.ts';
import { app, appId } from './screens/index.ts';

describe(MOB_LOGOUT_01.id, () => {
  const session = useMobileSession(app, { appId });

  checkTest(MOB_LOGOUT_01, async () => {
    const mobile = session();
    await mobile.logIn('alice');
    await mobile.openMessenger();
    await mobile.assertShows('alice');

    // The boundary is the SDK's logout() (by send order), not the tap: what the app sends for
    // alice during its log-out flow, before logout(), is hers to send.
    const boundary = await mobile.logOut('logout');
    // A visitor chats next (loginUnidentifiedUser): a session kept in SDK memory would resume alice.
    await mobile.continueAsVisitor();
    // Background and back: a lifecycle event on which an SDK that kept anything would talk about it.
    await mobile.background();
    await mobile.resume();

    const alice = await mobile.user('alice');
    const after = await mobile.recordsAfter(boundary);
    const verdicts = new SoftVerdicts();
    await verdicts.check(`requests after logout (${boundary.observedAt})`, () => expect(after).toCarryNoTraceOf(alice));
    await verdicts.check('responses after logout', () => expect(after).toServeNothingOf(alice));
    await verdicts.check("the guest's requests resolve as a visitor", () => expect(after).toResolveOnlyVisitors());
    await verdicts.check('UI tree after logout', async () => expect(await mobile.uiState()).toHoldNothingOf(alice));
    await verdicts.check('what the screen shows after logout', async () => expect(await mobile.visibleText()).toShowNothingOf(alice));
    verdicts.assertAll();
  });
});
