import { defineCheck } from '../harness/check.ts';

const SEED_WEB = 'Intercom Community: "Issue with Web Messenger after Intercom(\'shutdown\') and Intercom(\'boot\')" https://community.intercom.com/apps-integrations-25/issue-with-web-messenger-after-intercom-shutdown-and-intercom-boot-11090';
const JWT_DOC = 'https://www.intercom.com/help/en/articles/10589769-authenticating-users-in-the-messenger-with-json-web-tokens-jwts';
const THREAD_13353 = 'https://community.intercom.com/messenger-8/conversations-not-refetched-after-user-is-authenticated-with-jwt-13353';
const SHUTDOWN_DOC = 'https://www.intercom.com/help/en/articles/ "How do I end a user\'s session" and developers.intercom.com installing-intercom/web/methods (shutdown)';
const SEED_MOBILE = 'Intercom Community: "Short lived JWT refresh on mobile using react-native-intercom SDK" (March 2026) https://community.intercom.com/tips-tricks-and-workarounds-32/short-lived-jwt-refresh-on-mobile-using-react-native-intercom-sdk-14101';

export const WEB_LOGOUT_01 = defineCheck({
  id: 'WEB-LOGOUT-01',
  title: 'logout then reload leaves no prior-user data anywhere',
  statement:
    'After a signed-in user logs out and the page reloads, nothing of that user remains: no later messenger request carries their JWT, identifiers or session token, no response carries their data, no cookie or web storage holds it, and the messenger shows none of it.',
  source: `${SEED_WEB}; ${SHUTDOWN_DOC}`,
  evidence: ['requests', 'responses', 'client-state', 'visible-text'],
});

export const WEB_SWITCH_01 = defineCheck({
  id: 'WEB-SWITCH-01',
  title: 'user switch without reload shows only the new user',
  statement:
    'When user A logs out and user B logs in within the same page (no reload), every request and response after A\'s logout is free of A, client state holds nothing of A, and the messenger shows B\'s data and none of A\'s.',
  source: `${SHUTDOWN_DOC}; react-use-intercom PR #481 (shutdown left window.intercomSettings behind)`,
  evidence: ['requests', 'responses', 'client-state', 'visible-text'],
});

export const WEB_VISITOR_01 = defineCheck({
  id: 'WEB-VISITOR-01',
  title: 'a visitor after logout resumes nothing of the prior user',
  statement:
    'After logout, the anonymous visitor the page boots is resolved by the server as a lead, never as the prior user: not through a leftover session cookie, not through stale settings, and replaying the session cookie the browser now holds resumes no user.',
  source: `${SEED_WEB}; intercom-rails #327 (the session token stays valid server-side)`,
  evidence: ['requests', 'client-state'],
});

export const WEB_JWT_REFRESH_01 = defineCheck({
  id: 'WEB-JWT-REFRESH-01',
  title: 'every request after a refresh carries the newest token; none expired',
  statement:
    'With a 5-minute JWT refreshed every 4 minutes over a 30-minute session, every messenger request after each refresh carries the refreshed token (or a later one), and no request carries a token that had expired when the server received it.',
  source: `${SEED_MOBILE} (the same requirement on the web); Intercom: the JWT is validated on every request`,
  evidence: ['requests'],
});

export const WEB_JWT_REQUIRED_01 = defineCheck({
  id: 'WEB-JWT-REQUIRED-01',
  title: 'every identified request carries a JWT, updates included',
  statement:
    'Under enforced identity verification, every messenger request that speaks for a user (boot, open, messages, updates after a token refresh) carries a JWT; none relies on the session alone.',
  source: `an identified update must resend the JWT (Intercom's JWT guide, ${JWT_DOC}); Intercom Community thread 13353, ${THREAD_13353}`,
  evidence: ['requests'],
});

export const WEB_CHECKS = [WEB_LOGOUT_01, WEB_SWITCH_01, WEB_VISITOR_01, WEB_JWT_REFRESH_01, WEB_JWT_REQUIRED_01] as const;

const LOGOUT_DOC_MOBILE = 'Intercom mobile SDK logout() (intercom-ios Intercom.h 19.x, intercom-android): "dismiss any Intercom UI and clear Intercom\'s local cache"';
const IOS_PR_397 = 'intercom-ios PR #397 (after logout the messenger still showed the previous user\'s name and data) https://github.com/intercom/intercom-ios/pull/397';

export const MOB_LOGOUT_01 = defineCheck({
  id: 'MOB-LOGOUT-01',
  title: 'after logout no prior-user data in the UI tree, the requests or the responses',
  statement:
    'After a signed-in user logs out of the app (Intercom logout(), then the app\'s own), a guest chats (loginUnidentifiedUser), and the app goes to the background and comes back, nothing of that user remains: no element of the UI tree holds their name, email, canaries, session token or JWT, the screen shows none of it, no request sent after the SDK\'s logout() carries their JWT, identifiers or session, no response carries their data, and the guest is resolved as a visitor, never resumed as them. What the app sent before logout() is not judged, even if it arrives later.',
  source: `${LOGOUT_DOC_MOBILE}; ${IOS_PR_397}; intercom-ios #276 (the anonymous user after logout inherited the previous user's events) https://github.com/intercom/intercom-ios/issues/276`,
  evidence: ['requests', 'responses', 'client-state', 'visible-text'],
  mobileSpec: 'logout',
});

export const MOB_SWITCH_01 = defineCheck({
  id: 'MOB-SWITCH-01',
  title: 'alice → logout → bob shows only bob\'s data',
  statement:
    'When alice logs out and bob signs in on the same device, every request and response after alice\'s logout is free of her, and neither the screen bob sees the moment he is signed in nor the messenger he opens holds or shows anything of alice; it shows bob\'s conversation.',
  source: `${LOGOUT_DOC_MOBILE}; ${IOS_PR_397}; Android refuses a second login without logout() (error 3002)`,
  evidence: ['requests', 'responses', 'client-state', 'visible-text'],
  mobileSpec: 'switch',
});

export const MOB_JWT_REFRESH_01 = defineCheck({
  id: 'MOB-JWT-REFRESH-01',
  title: 'every request after a setUserJwt carries the newest token; none expired, across background/resume',
  statement:
    'With a 5-minute JWT the app refreshes every 4 minutes and hands to the SDK with setUserJwt, over a 30-minute session (run at full scale on the device\'s clock) with the app sent to the background for 6 minutes in the middle, every messenger request made after a refresh carries that token or a later one, and no request carries a token that had expired when the server received it — the resume included.',
  source: `${SEED_MOBILE}; Intercom staff in the thread: "Once set, the SDK attaches that JWT to every request until you replace it"`,
  evidence: ['requests'],
  mobileSpec: 'jwt-refresh',
});

export const MOB_JWT_ORDER_01 = defineCheck({
  id: 'MOB-JWT-ORDER-01',
  title: 'the first identified request already carries a JWT',
  statement:
    'Under enforced identity verification, the SDK\'s first request that speaks for the signed-in user (the login, `users`) already carries the JWT, and so does every identified request after it: setUserJwt is called before loginUserWithUserAttributes, never after.',
  source: `${SEED_MOBILE} (staff: call setUserJwt "before any call that might touch Intercom"); setUserJwt docs: "should be called before any user login takes place" (iOS 18.7.0, Android 15.16.0, React Native 8.6.0)`,
  evidence: ['requests'],
  mobileSpec: 'jwt-order',
});

export const MOB_CHECKS = [MOB_LOGOUT_01, MOB_SWITCH_01, MOB_JWT_REFRESH_01, MOB_JWT_ORDER_01] as const;
