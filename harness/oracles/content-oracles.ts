import { fingerprint } from '../../mock-server/index.ts';
import type { ClientStateEntry, PriorUser, OracleVerdict, Violation } from './types.ts';

const JWT_SHAPE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

/** The strings whose sighting proves the prior user's data is present. */
function needles(user: PriorUser): { label: string; text: string }[] {
  const found = user.canaries.map((canary) => ({ label: `canary ${canary}`, text: canary }));
  if (user.email) found.push({ label: `email ${user.email}`, text: user.email });
  const plainName = user.name.split(' · ')[0]!.trim();
  if (plainName.length >= 4 && plainName !== user.user_id) found.push({ label: `name "${plainName}"`, text: plainName });
  return found;
}

function excerpt(text: string, needle: string): string {
  const index = text.indexOf(needle);
  const start = Math.max(0, index - 30);
  return `…${text.slice(start, index + needle.length + 30).replace(/\s+/g, ' ')}…`;
}

/** Visible text (every frame) shows none of the prior user's canaries, name or email. */
export function textShowsNothingOf(texts: { where: string; text: string }[], user: PriorUser): OracleVerdict {
  const violations: Violation[] = [];
  for (const { where, text } of texts) {
    for (const needle of needles(user)) {
      if (text.includes(needle.text)) violations.push({ source: 'visible-text', kind: 'text-shows-prior', message: `${where} shows ${user.user_id}'s ${needle.label}: "${excerpt(text, needle.text)}"` });
    }
  }
  return {
    oracle: 'visible text shows nothing',
    pass: violations.length === 0,
    explanation: violations.length === 0 ? `no visible text (${texts.map((t) => t.where).join(', ')}) showed ${user.user_id}'s data` : `visible text shows ${user.user_id}'s data: ${violations[0]!.message}`,
    violations,
  };
}

/**
 * Client state holds none of the prior user's data: canaries, email, a value equal to their
 * user_id, a JWT whose claims name them, or a value whose fingerprint is one of their sessions.
 */
export function stateHoldsNothingOf(entries: ClientStateEntry[], user: PriorUser): OracleVerdict {
  const violations: Violation[] = [];
  const sessions = new Set(user.sessionFingerprints);
  for (const entry of entries) {
    const where = `${entry.store} "${entry.key}"`;
    for (const needle of needles(user)) {
      if (entry.value.includes(needle.text)) violations.push({ source: 'client-state', kind: 'state-holds-identity', message: `${where} holds ${user.user_id}'s ${needle.label}` });
    }
    if (entry.value === user.user_id || entry.value.includes(`"user_id":"${user.user_id}"`)) {
      violations.push({ source: 'client-state', kind: 'state-holds-identity', message: `${where} holds ${user.user_id}'s user_id` });
    }
    for (const candidate of [entry.value, safeDecode(entry.value)]) {
      if (sessions.has(fingerprint(candidate))) violations.push({ source: 'client-state', kind: 'state-holds-session', message: `${where} holds ${user.user_id}'s session token (fingerprint ${fingerprint(candidate)})` });
    }
    for (const token of entry.value.match(JWT_SHAPE) ?? []) {
      if (jwtUser(token) === user.user_id) violations.push({ source: 'client-state', kind: 'state-holds-identity', message: `${where} holds a JWT for ${user.user_id} (fingerprint ${fingerprint(token)})` });
    }
  }
  return {
    oracle: 'client state holds nothing',
    pass: violations.length === 0,
    explanation: violations.length === 0 ? `none of ${entries.length} client-state entries held ${user.user_id}'s data` : `client state holds ${user.user_id}'s data: ${violations[0]!.message}`,
    violations: dedupe(violations),
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function jwtUser(token: string): string | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    return typeof claims['user_id'] === 'string' ? claims['user_id'] : null;
  } catch {
    return null;
  }
}

function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((violation) => !seen.has(violation.message) && seen.add(violation.message));
}
