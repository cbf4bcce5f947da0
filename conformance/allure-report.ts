import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerBin } from './runner-bins.ts';
import { runRunner } from './runner-process.ts';

/**
 * The report's Allure 3 configuration: one self-contained HTML file (it opens from disk, no
 * server, no network), grouped by check, with the run's facts (subjects, expectations, gate) in
 * the summary's variables.
 */
function allureConfig(variables: Record<string, string>) {
  return {
    name: 'Intercom identity conformance',
    variables,
    plugins: { awesome: { options: { singleFile: true, reportLanguage: 'en', groupBy: ['epic', 'feature', 'story'] } } },
  };
}

/** The report's entry page: the single-file HTML Allure writes (under its plugin's folder when there are several). */
function entryPage(outDir: string): string | null {
  for (const candidate of [join(outDir, 'index.html'), join(outDir, 'awesome', 'index.html')]) if (existsSync(candidate)) return candidate;
  return null;
}

/**
 * Allure's pages load a Google Analytics script from the network; offline it only fails, but a
 * report that works without a network should not try. Removes that one script block.
 */
export function stripAnalytics(html: string): string {
  return html.replace(/<script[^>]*googletagmanager[^>]*><\/script>\s*<script>[\s\S]*?gtag\([\s\S]*?<\/script>/g, '').replace(/<script[^>]*googletagmanager[^>]*><\/script>/g, '');
}

/**
 * One Allure 3 report from every results folder of the run (browser and mobile merged), generated
 * offline by the Allure 3 CLI into `outDir`, which is emptied first. Returns its entry page.
 */
export async function generateAllureReport(resultsDirs: readonly string[], outDir: string, workDir: string, variables: Record<string, string>): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  // Allure skips a missing folder without a word; a run whose runner wrote nothing must say so.
  const present = resultsDirs.filter((dir) => existsSync(dir) && readdirSync(dir).length > 0);
  if (present.length === 0) throw new Error('no Allure results were written by the runners');
  const config = join(workDir, 'allurerc.json');
  writeFileSync(config, JSON.stringify(allureConfig(variables), null, 2));
  const logFile = join(workDir, 'allure-generate.log');
  const exit = await runRunner({
    command: process.execPath,
    args: [runnerBin('allure', 'allure'), 'generate', ...present, '--config', config, '--output', outDir],
    env: { NO_COLOR: '1' },
    logFile,
    verbose: false,
    onProgress: () => {},
  });
  const page = entryPage(outDir);
  if (exit.exitCode !== 0 || !page) throw new Error(`allure generate exited with code ${exit.exitCode} (see ${logFile}): ${exit.tail.slice(-3).join(' ')}`);
  writeFileSync(page, stripAnalytics(readFileSync(page, 'utf8')));
  return page;
}
