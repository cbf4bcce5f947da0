import type { AppConfig } from './config.ts';

/** The app's single page; config is injected, the script is the bundled app. */
export function renderPage(config: AppConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Reference app (${config.variant})</title>
<style>body{font:15px system-ui,sans-serif;margin:24px}button{margin:4px}</style></head>
<body data-flow="loading">
  <h1>Reference app <small>${config.variant}</small></h1>
  <p>Status: <span id="status">Loading…</span> <span id="signed-in-as"></span></p>
  <p>
    <button id="login-alice">Sign in as alice</button>
    <button id="login-bob">Sign in as bob</button>
    <button id="logout">Log out</button>
    <button id="open-messenger">Open messenger</button>
    <button id="refresh-jwt">Refresh token now</button>
  </p>
  <p>Token refreshes: <span id="refresh-count">0</span></p>
  <script>window.APP_CONFIG = ${json};</script>
  <script src="/app.js"></script>
</body>
</html>`;
}
