/**
 * The WebSubject of `--web-url <url> --web-steps <file>`, as the browser runner loads it: the
 * conformance run passes both as WEB_URL and WEB_STEPS.
 */
import { stepsAppSubject } from './steps-subject.ts';

const url = process.env['WEB_URL'];
const steps = process.env['WEB_STEPS'];
if (!url || !steps) throw new Error('subjects/steps-app runs a team\'s app from WEB_URL and WEB_STEPS: npm run conformance -- -p web --web-url <url> --web-steps <file>');

export default await stepsAppSubject(url, steps);
