import type { z } from 'zod';
import { describeIssues } from './schemas.ts';

/** A 400 that names every field that was wrong. */
export class InvalidRequestError extends Error {
  readonly status = 400;
  constructor(
    readonly where: 'body' | 'query',
    readonly issues: { field: string; message: string }[],
  ) {
    super(`invalid ${where}: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`);
  }
}

export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown, where: 'body' | 'query'): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRequestError(where, describeIssues(result.error));
  return result.data;
}

/** Express leaves `{}` for a request without a body; optional bodies treat that as absent. */
export function emptyToUndefined(body: unknown): unknown {
  return body && typeof body === 'object' && Object.keys(body).length === 0 ? undefined : body;
}
