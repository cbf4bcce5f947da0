/**
 * The web self-test matrix: every bundled app variant × messenger profile against every web
 * check, judged against specs/web/expected-verdicts.ts. Prints the kill table and writes
 * reports/self-test/web/kill-table.json; exits non-zero on a missed fault, a false alarm or an error.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cellResults, readPlaywrightReport } from '../harness/web/playwright-results.ts';
import { judge, killTable, summary, type JudgedResult } from '../harness/self-test/verdicts.ts';
import { WEB_CHECKS } from '../specs/checks.ts';
import { WEB_SELF_TEST_CELLS } from '../specs/web/expected-verdicts.ts';

const dir = 'reports/self-test/web';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const started = performance.now();
const exitCode = await new Promise<number | null>((resolve) => {
  const child = spawn('npx', ['playwright', 'test'], {
    stdio: 'inherit',
    env: { ...process.env, SELF_TEST: '1', WEB_REPORTS_DIR: dir },
  });
  child.on('close', resolve);
});
const wallMs = performance.now() - started;

const report = readPlaywrightReport(`${dir}/results.json`);
const results = cellResults(report);
const checks = WEB_CHECKS.map((check) => check.id);
const judged: JudgedResult[] = [];
for (const cell of WEB_SELF_TEST_CELLS) {
  const name = `${cell.variant}×${cell.profile}`;
  for (const check of checks) {
    const result = results.find((candidate) => candidate.cell === name && candidate.check === check) ?? { cell: name, check, outcome: 'missing' as const, reason: 'not run', durationMs: 0 };
    judged.push(judge(result, cell.expectedFailures.includes(check)));
  }
}

console.log(`\nWeb self-test kill table (playwright exit ${exitCode}; failures are expected where the table says "caught"):\n`);
console.log(killTable(judged, checks));
for (const wrong of judged.filter((result) => !result.ok)) console.log(`  !! ${wrong.cell} ${wrong.check}: ${wrong.judgement} — ${wrong.reason}`);
console.log(`\n${summary(judged, wallMs)}`);
const passed = judged.filter((result) => result.ok).length;
const failed = judged.length - passed;
writeFileSync(`${dir}/kill-table.json`, JSON.stringify({ passed, failed, wall_ms: Math.round(wallMs), results: judged }, null, 2));
console.log(`web self-test: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
