import type { Refusal } from '../identity-resolution.ts';
import type { Answer, Stage, Surface } from '../request-context.ts';

const MOBILE_VERIFICATION_FAILURE = {
  type: 'error.list',
  errors: [{ code: 'hmac_mismatch', message: 'Failed Identity Verification check' }],
};

/** Identity verification refused the request: the SDKs' 401 or the web messenger's 403. */
export const refuseUnverified: Stage = {
  name: 'refuse unverified',
  run(context) {
    const refusal = context.resolution?.refusal;
    if (!refusal) return;
    context.answer = { ...refusalResponse(context.surface, refusal), error: `identity verification failed: ${refusal}` };
  },
};

function refusalResponse(surface: Surface, reason: Refusal): Pick<Answer, 'status' | 'body'> {
  if (surface === 'mobile') return { status: 401, body: MOBILE_VERIFICATION_FAILURE };
  return {
    status: 403,
    body: { type: 'error.list', errors: [{ code: 'forbidden', message: `Identity verification failed: ${reason}` }] },
  };
}
