export * from './types.ts';
export { describeJwt, describeRecord, seqsNamedIn } from './describe-record.ts';
export { priorUser } from './prior-user.ts';
export {
  identifiedRequestsCarryJwt,
  requestsCarryFreshTokens,
  requestsCarryNoTraceOf,
  requestsResolveAsVisitor,
  responsesServeNothingOf,
  type RefreshPoint,
} from './request-oracles.ts';
export { handOvers, tokensOf, type TokenHandOver } from './hand-overs.ts';
export { stateHoldsNothingOf, textShowsNothingOf } from './content-oracles.ts';
export { lastSentBefore, recordsSentAfter, sentAfter, type SendOrderPoint } from './send-order.ts';
