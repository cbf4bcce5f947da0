import type { Stage } from '../request-context.ts';

/** The answer, with the record's seq in `x-mock-seq`, held for a fault's delay when it has one. */
export const respond: Stage = {
  name: 'respond',
  always: true,
  run({ res, answer, record, fault }) {
    if (!answer) throw new Error('no stage answered the request: the messenger stage list needs an answering stage before respond');
    if (answer.delivered) return;
    if (record) res.set('x-mock-seq', String(record.seq));
    const write = (): void => {
      res.status(answer.status).json(answer.body);
    };
    const delayMs = fault?.delay_ms ?? 0;
    if (delayMs > 0) setTimeout(write, delayMs);
    else write();
  },
};
