import { relative, resolve } from 'node:path';
import { styleText } from 'node:util';
import { catalogEntry } from './check-catalog.ts';
import { describeGate, summarizeGate } from './gate.ts';
import { PLATFORM_LABEL, type GatedResult, type Outcome, type Platform } from './types.ts';

/**
 * The verdict table: one row per check, one column per platform, each cell the verdict as it
 * stands against the expectations; every cell that is not a plain pass gets a numbered finding
 * below with its one-line reason (naming the evidence) and, for known failures, the reason and link.
 */
export interface Finding {
  index: number;
  result: GatedResult;
  text: string;
  /** Likely cause and documented fix, for an oracle's failure whose evidence fits a known pattern. */
  why: { cause: string; fix: string; doc: string } | null;
  /** The JWT timeline picture of the failing test, where the runner kept one. */
  picture: string | null;
}

const PICTURE = 'jwt-timeline.svg';

const CELL_TEXT: Record<Outcome, string> = {
  pass: 'pass',
  'known-failure': 'FAIL (known)',
  'unexpected-failure': 'FAIL',
  'unexpected-pass': 'PASS (unexpected)',
  error: 'ERROR',
};

const MD_CELL: Record<Outcome, string> = {
  pass: '✅ pass',
  'known-failure': '⚠️ FAIL (known)',
  'unexpected-failure': '❌ FAIL',
  'unexpected-pass': '❗ PASS (unexpected)',
  error: '💥 ERROR',
};

export function findings(results: readonly GatedResult[]): Finding[] {
  const found: Finding[] = [];
  for (const result of results.filter((candidate) => candidate.outcome !== 'pass')) {
    const where = `${result.check} on ${PLATFORM_LABEL[result.platform]}${result.round ? ` (repeat ${result.round})` : ''}`;
    const expected = result.expected;
    // A runner that stopped before any test leaves every cell the same reason: say it once.
    const same = found.find((earlier) => earlier.result.outcome === result.outcome && earlier.result.reason === result.reason && result.reason && result.outcome === 'error');
    let text: string;
    if (same) text = `${where}: as [${same.index}]`;
    else if (result.outcome === 'known-failure') text = `${where}: ${result.reason} — known failure (${expected!.file}): ${expected!.reason} ${expected!.link}`;
    else if (result.outcome === 'unexpected-pass') text = `${where}: passed, but ${expected!.file} lists it as a known failure (${expected!.reason} ${expected!.link}); if the bug is fixed, remove the entry`;
    else if (result.outcome === 'error') text = `${where}: could not judge (not a verdict): ${result.reason}`;
    else text = `${where}: ${result.reason}`;
    const cause = result.verdict === 'fail' && result.outcome !== 'unexpected-pass' ? result.cause : null;
    const picture = result.verdict === 'pass' ? null : (result.evidence.find((file) => file.name === PICTURE)?.path ?? null);
    found.push({ index: found.length + 1, result, text, why: cause ? { cause: cause.cause, fix: cause.fix, doc: cause.docs[0]?.url ?? '' } : null, picture });
  }
  return found;
}

interface GridCell {
  text: string;
  outcome?: Outcome;
}

function grid(results: readonly GatedResult[], platforms: readonly Platform[], label: Record<Outcome, string>): GridCell[][] {
  const notes = findings(results);
  const checks = [...new Set(results.map((result) => result.check))];
  return checks.map((check) => [
    { text: check },
    ...platforms.map((platform): GridCell => {
      const result = results.find((candidate) => candidate.check === check && candidate.platform === platform);
      if (!result) return { text: catalogEntry(check)?.platforms.includes(platform) ? 'not run' : '·' };
      const finding = notes.find((note) => note.result === result);
      return { text: `${label[result.outcome]}${finding ? ` [${finding.index}]` : ''}`, outcome: result.outcome };
    }),
  ]);
}

const STYLE: Record<Outcome, 'green' | 'yellow' | 'red'> = { pass: 'green', 'known-failure': 'yellow', 'unexpected-failure': 'red', 'unexpected-pass': 'red', error: 'red' };

/** The table for a terminal; colours only when `colours` is true (a TTY without NO_COLOR). */
export function terminalTable(results: readonly GatedResult[], platforms: readonly Platform[], colours = false): string {
  const header: GridCell[] = [{ text: 'check' }, ...platforms.map((platform) => ({ text: PLATFORM_LABEL[platform] }))];
  const rows = grid(results, platforms, CELL_TEXT);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.text.length)));
  const line = (row: GridCell[]): string =>
    row.map((cell, column) => (colours && cell.outcome ? styleText(STYLE[cell.outcome], cell.text.padEnd(widths[column]!)) : cell.text.padEnd(widths[column]!))).join(' │ ');
  const notes = findings(results).flatMap((finding) => [
    `  [${finding.index}] ${finding.text}`,
    ...(finding.why ? [`      likely cause: ${finding.why.cause}`, `      fix: ${finding.why.fix}${finding.why.doc ? ` (${finding.why.doc})` : ''}`] : []),
    ...(finding.picture ? [`      JWT timeline: ${relative(process.cwd(), resolve(finding.picture))}`] : []),
  ]);
  return [line(header), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line), ...(notes.length ? ['', ...notes] : []), '', describeGate(summarizeGate(results))].join('\n');
}

export interface MarkdownContext {
  subjects: string[];
  expectations: string[];
  startedAt: string;
  wallMs: number;
  reports: { name: string; path: string }[];
  repeats: number;
  changed: string[];
  /** What went wrong outside the verdicts (e.g. the Allure report could not be generated). */
  problems: string[];
  /** The folder the Markdown file is written to: its links are relative to it. */
  dir?: string;
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `conformance.md`: the same table, the findings, what ran and where the reports are. */
export function markdownReport(results: readonly GatedResult[], platforms: readonly Platform[], context: MarkdownContext): string {
  const summary = summarizeGate(results);
  const header = ['Check', ...platforms.map((platform) => PLATFORM_LABEL[platform])];
  const rows = grid(results, platforms, MD_CELL).map((row) => {
    const entry = catalogEntry(row[0]!.text);
    return [`**${row[0]!.text}** ${entry ? escapeCell(entry.check.title) : ''}`, ...row.slice(1).map((cell) => cell.text)];
  });
  const lines = [
    `# Identity conformance: ${summary.ok ? 'gate holds' : 'GATE FAILS'}`,
    '',
    `Subjects: ${context.subjects.join(', ')} · expectations: ${context.expectations.length ? context.expectations.join(', ') : 'none'} · started ${context.startedAt} · wall ${(context.wallMs / 1000).toFixed(1)} s${context.repeats > 1 ? ` · ${context.repeats} repeats` : ''}`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    describeGate(summary),
    ...context.problems.map((problem) => `\n**Problem:** ${escapeCell(problem)}`),
  ];
  const notes = findings(results);
  if (notes.length) {
    lines.push('', '## Findings', '');
    for (const finding of notes) {
      lines.push(`${finding.index}. ${escapeCell(finding.text)}`);
      if (finding.why) lines.push(`   - **Likely cause:** ${escapeCell(finding.why.cause)}`, `   - **Fix:** ${escapeCell(finding.why.fix)}${finding.why.doc ? ` ([Intercom docs](${finding.why.doc}))` : ''}`);
      if (finding.picture) lines.push(`   - [JWT timeline](${encodeURI(relative(resolve(context.dir ?? '.'), resolve(finding.picture)))})`);
    }
  }
  if (context.repeats > 1) lines.push('', `## Repeats`, '', context.changed.length ? context.changed.map((line) => `- ${line}`).join('\n') : `No verdict changed across ${context.repeats} repeats.`);
  lines.push('', '## Reports', '', ...context.reports.map((report) => `- ${report.name}: \`${report.path}\``), '');
  return lines.join('\n');
}
