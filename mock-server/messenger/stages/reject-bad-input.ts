import type { Stage } from '../request-context.ts';

/** A body or user_data that cannot be read is a 400 naming what was wrong; the request is still journaled. */
export const rejectBadInput: Stage = {
  name: 'reject bad input',
  run(context) {
    const error = context.inputError;
    if (error) context.answer = { status: 400, body: { type: 'error.list', errors: [{ code: 'parameter_invalid', message: error }] }, error };
  },
};
