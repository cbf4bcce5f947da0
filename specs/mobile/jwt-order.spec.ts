import { checkTest, expect, SoftVerdicts, useMobileSession } from '../../harness/mobile/index.ts';
import { MOB_JWT_ORDER_01 } from '../checks.ts';
import { app, appId } from './screens/index.ts';

describe(MOB_JWT_ORDER_01.id, () => {
  const session = useMobileSession(app, { appId });

  checkTest(MOB_JWT_ORDER_01, async () => {
    const mobile = session();
    await mobile.mark('signed-out');
    await mobile.logIn('alice');
    await mobile.openMessenger();
    await mobile.sendReply('Where is my order?');

    const records = await mobile.records('signed-out');
    const first = records.find((record) => record.identity.kind === 'user' || Boolean(record.user_data?.user_id || record.user_data?.email));
    if (!first) throw new Error(`precondition failed: no request spoke for alice after sign-in (${records.length} requests: ${records.map((record) => record.path).join(', ')})`);
    const verdicts = new SoftVerdicts();
    await verdicts.check(`the first identified request (#${first.seq} ${first.path})`, () => expect([first]).toCarryJwtWhenIdentified());
    await verdicts.check('every identified request while alice is signed in', () => expect(records).toCarryJwtWhenIdentified());
    verdicts.assertAll();
  });
});
