import { checkTest, expect, SoftVerdicts, useMobileSession } from '../../harness/mobile/index.ts';
import { MOB_SWITCH_01 } from '../checks.ts';
import { app, appId } from './screens/index.ts';

describe(MOB_SWITCH_01.id, () => {
  const session = useMobileSession(app, { appId });

  checkTest(MOB_SWITCH_01, async () => {
    const mobile = session();
    await mobile.logIn('alice');
    await mobile.openMessenger();
    await mobile.assertShows('alice');

    const boundary = await mobile.logOut('alice-logout');
    await mobile.logIn('bob');
    // What bob sees the moment he is signed in, before he opens anything.
    const signedInState = await mobile.uiState();
    const signedInText = await mobile.visibleText();
    await mobile.openMessenger();

    const alice = await mobile.user('alice');
    const after = await mobile.recordsAfter(boundary);
    const shown = await mobile.visibleText();
    const verdicts = new SoftVerdicts();
    await verdicts.check('requests after alice logged out', () => expect(after).toCarryNoTraceOf(alice));
    await verdicts.check('responses after alice logged out', () => expect(after).toServeNothingOf(alice));
    await verdicts.check('UI tree once bob signed in', () => expect(signedInState).toHoldNothingOf(alice));
    await verdicts.check('what bob sees once signed in', () => expect(signedInText).toShowNothingOf(alice));
    await verdicts.check("UI tree with bob's messenger open", async () => expect(await mobile.uiState()).toHoldNothingOf(alice));
    await verdicts.check("what bob's messenger shows", () => expect(shown).toShowNothingOf(alice));
    await verdicts.check("what bob's messenger shows", async () => expect(shown).toShowDataOf(await mobile.user('bob')));
    verdicts.assertAll();
  });
});
