/**
 * The send-order contract: a sender (the browser routing, the simulated device) stamps each
 * request with a monotonic counter at the moment it sends it. Marks may carry the same counter,
 * so "after a boundary" means "sent after it", not "arrived after it".
 */
export const SENT_HEADER = 'x-conformance-sent';

/** The counter as a whole number ≥ 0, or null when absent or not a plain decimal integer. */
export function sentOrderOf(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}
