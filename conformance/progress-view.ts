import { styleText } from 'node:util';
import type { ProgressEvent } from '../harness/progress.ts';

/** How the live view names where a check ran: `web`, `Android`, or a self-test cell. */
export type PlaceOf = (event: ProgressEvent) => string;

/**
 * Prints one line per finished check as the runners report them: mark, check, where, time, and
 * for a failure its one-line reason. `annotate` adds what the expectations say (e.g. "known").
 */
export function progressPrinter(placeOf: PlaceOf, colours: boolean, annotate: (event: ProgressEvent) => string = () => '', placeWidth = 9): (event: ProgressEvent) => void {
  return (event) => {
    const mark = event.state === 'passed' ? '✓' : event.state === 'skipped' ? '-' : '✗';
    const note = annotate(event);
    const head = `  ${mark} ${event.check.padEnd(20)} ${placeOf(event).padEnd(placeWidth)} ${`${(event.durationMs / 1000).toFixed(1)} s`.padStart(7)}${note ? `  ${note}` : ''}`;
    const line = event.state === 'failed' ? `${head}  ${event.reason}` : head;
    const style = event.state === 'passed' ? 'green' : event.state === 'skipped' ? 'gray' : note ? 'yellow' : 'red';
    process.stdout.write(`${colours ? styleText(style, line) : line}\n`);
  };
}

export function useColours(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env['NO_COLOR'] && process.env['FORCE_COLOR'] !== '0';
}
