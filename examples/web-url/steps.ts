// How to drive the example app (examples/web-url/server.ts): sign in, sign out, refresh the JWT.
// In your own repository, import the type from 'intercom-identity-conformance/web'.
import type { WebSteps } from '../../harness/web/index.ts';

export default {
  name: 'example-web-url',
  version: '1.0.0',
  appId: process.env['INTERCOM_APP_ID'] ?? 'mockapp1',
  logIn: { click: '#login-{user}', waitFor: 'text=Signed in as {user}' },
  logOut: { click: '#logout', waitFor: 'text=Signed out' },
  refreshJwt: { click: '#refresh-jwt' },
  refreshCount: { count: '#refresh-count' },
} satisfies WebSteps;
