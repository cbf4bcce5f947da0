import { relative, resolve } from 'node:path';
import { styleText } from 'node:util';
import { catalogEntry } from './check-catalog.ts';
import { describeGate, summarizeGate } from './gate.ts';
import { PLATFORM_LABEL, type GatedVerdict, type GateStatus, type Platform } from './types.ts';

/**
 * The verdict table: one row per check, one column per platform, each cell the verdict as it
 * stands against the expectations; every cell that is not a plain pass gets a numbered finding
 * below with its one-line reason (naming the evidence) and, for known failures, the reason and link.
 */
export interface Finding {
  index: number;
  verdict: GatedVerdict;
  text: string;
  /** Likely cause and documented fix, for an oracle's failure whose evidence fits a known pattern. */
  why: { cause: string; fix: string; doc: string } | null;
  /** The JWT timeline picture of the failing test, where the runner kept one. */
  picture: string | null;
}

const PICTURE = 'jwt-timeline.svg';

const CELL_TEXT: Record<GateStatus, string> = {
  pass: 'pass',
  'known-failure': 'FAIL (known)',
  'unexpected-failure': 'FAIL',
  'unexpected-pass': 'PASS (unexpected)',
  error: 'ERROR',
};

const MD_CELL: Record<GateStatus, string> = {
  pass: '✅ pass',
  'known-failure': '⚠️ FAIL (known)',
  'unexpected-failure': '❌ FAIL',
  'unexpected-pass': '❗ PASS (unexpected)',
  error: '💥 ERROR',
};

export function findings(verdicts: readonly GatedVerdict[]): Finding[] {
  const found: Finding[] = [];
  for (const verdict of verdicts.filter((candidate) => candidate.gate !== 'pass')) {
    const where = `${verdict.check} on ${PLATFORM_LABEL[verdict.platform]}${verdict.round ? ` (repeat ${verdict.round})` : ''}`;
    const expected = verdict.expected;
    // A runner that stopped before any test leaves every cell the same reason: say it once.
    const same = found.find((earlier) => earlier.verdict.gate === verdict.gate && earlier.verdict.reason === verdict.reason && verdict.reason && verdict.gate === 'error');
    let text: string;
    if (same) text = `${where}: as [${same.index}]`;
    else if (verdict.gate === 'known-failure') text = `${where}: ${verdict.reason} — known failure (${expected!.file}): ${expected!.reason} ${expected!.link}`;
    else if (verdict.gate === 'unexpected-pass') text = `${where}: passed, but ${expected!.file} lists it as a known failure (${expected!.reason} ${expected!.link}); if the bug is fixed, remove the entry`;
    else if (verdict.gate === 'error') text = `${where}: could not judge (not a verdict): ${verdict.reason}`;
    else text = `${where}: ${verdict.reason}`;
    const cause = verdict.outcome === 'fail' && verdict.gate !== 'unexpected-pass' ? verdict.cause : null;
    const picture = verdict.outcome === 'pass' ? null : (verdict.evidence.find((file) => file.name === PICTURE)?.path ?? null);
    found.push({ index: found.length + 1, verdict, text, why: cause ? { cause: cause.cause, fix: cause.fix, doc: cause.docs[0]?.url ?? '' } : null, picture });
  }
  return found;
}

interface GridCell {
  text: string;
  gate?: GateStatus;
}

function grid(verdicts: readonly GatedVerdict[], platforms: readonly Platform[], label: Record<GateStatus, string>): GridCell[][] {
  const notes = findings(verdicts);
  const checks = [...new Set(verdicts.map((verdict) => verdict.check))];
  return checks.map((check) => [
    { text: check },
    ...platforms.map((platform): GridCell => {
      const verdict = verdicts.find((candidate) => candidate.check === check && candidate.platform === platform);
      if (!verdict) return { text: catalogEntry(check)?.platforms.includes(platform) ? 'not run' : '·' };
      const finding = notes.find((note) => note.verdict === verdict);
      return { text: `${label[verdict.gate]}${finding ? ` [${finding.index}]` : ''}`, gate: verdict.gate };
    }),
  ]);
}

const STYLE: Record<GateStatus, 'green' | 'yellow' | 'red'> = { pass: 'green', 'known-failure': 'yellow', 'unexpected-failure': 'red', 'unexpected-pass': 'red', error: 'red' };

/** The table for a terminal; colours only when `colours` is true (a TTY without NO_COLOR). */
export function terminalTable(verdicts: readonly GatedVerdict[], platforms: readonly Platform[], colours = false): string {
  const header: GridCell[] = [{ text: 'check' }, ...platforms.map((platform) => ({ text: PLATFORM_LABEL[platform] }))];
  const rows = grid(verdicts, platforms, CELL_TEXT);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.text.length)));
  const line = (row: GridCell[]): string =>
    row.map((cell, column) => (colours && cell.gate ? styleText(STYLE[cell.gate], cell.text.padEnd(widths[column]!)) : cell.text.padEnd(widths[column]!))).join(' │ ');
  const notes = findings(verdicts).flatMap((finding) => [
    `  [${finding.index}] ${finding.text}`,
    ...(finding.why ? [`      likely cause: ${finding.why.cause}`, `      fix: ${finding.why.fix}${finding.why.doc ? ` (${finding.why.doc})` : ''}`] : []),
    ...(finding.picture ? [`      JWT timeline: ${relative(process.cwd(), resolve(finding.picture))}`] : []),
  ]);
  return [line(header), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line), ...(notes.length ? ['', ...notes] : []), '', describeGate(summarizeGate(verdicts))].join('\n');
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
export function markdownReport(verdicts: readonly GatedVerdict[], platforms: readonly Platform[], context: MarkdownContext): string {
  const summary = summarizeGate(verdicts);
  const header = ['Check', ...platforms.map((platform) => PLATFORM_LABEL[platform])];
  const rows = grid(verdicts, platforms, MD_CELL).map((row) => {
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
  const notes = findings(verdicts);
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
