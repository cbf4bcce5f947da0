import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { MockState } from '../state.ts';
import type { User } from '../workspace.ts';

/**
 * A model of the few calls of Intercom's REST API that live mode makes, so a second mock can stand
 * in for a workspace: `POST /contacts` (a user with external_id, email, name), `DELETE
 * /contacts/{id}`, `POST /conversations` (a message from a user). Shapes follow Intercom's REST
 * API reference (2.x): contacts are `{type: "contact", id, external_id, role, …}`, errors are
 * `error.list`. Contacts are this workspace's users, so a planted conversation shows in the
 * messenger answers for that user at once.
 */
export function restApiRouter(state: MockState, accessToken: string): Router {
  const router = Router();
  router.use(['/contacts', '/conversations'], bearerAuth(accessToken), express.json({ limit: '64kb' }));

  router.post('/contacts', (req, res) => {
    const body = objectBody(req);
    const role = body['role'] ?? 'user';
    const externalId = stringField(body['external_id']);
    const email = stringField(body['email']);
    const name = stringField(body['name']);
    if (role !== 'user') return fail(res, 400, 'parameter_invalid', `role "${String(role)}" is not modelled here; only user is`);
    if (!externalId) return fail(res, 400, 'parameter_invalid', 'external_id is required for a user (this model identifies users by it)');
    const existing = state.workspace.getUser(externalId);
    if (existing) return fail(res, 409, 'conflict', `A contact matching those details already exists with id=${contactIdOf(existing.user_id)}`);
    const user = state.workspace.addContact({ user_id: externalId, ...(email ? { email } : {}), ...(name ? { name } : {}) });
    res.json(contactView(state, user));
  });

  router.delete('/contacts/:id', (req, res) => {
    const user = userOfContact(state, req.params['id'] ?? '');
    if (!user) return fail(res, 404, 'not_found', 'User Not Found');
    state.workspace.removeUser(user.user_id);
    res.json({ id: contactIdOf(user.user_id), external_id: user.user_id, type: 'contact', deleted: true });
  });

  router.post('/conversations', (req, res) => {
    const body = objectBody(req);
    const from = typeof body['from'] === 'object' && body['from'] !== null ? (body['from'] as Record<string, unknown>) : {};
    const text = stringField(body['body']);
    if (!['user', 'contact'].includes(String(from['type']))) return fail(res, 400, 'parameter_invalid', 'from.type must be user (or contact)');
    if (!text) return fail(res, 400, 'parameter_invalid', 'body is required');
    const user = userOfContact(state, stringField(from['id']) ?? '');
    if (!user) return fail(res, 404, 'not_found', 'User Not Found');
    const conversation = state.workspace.startConversation({ kind: 'user', user_id: user.user_id }, text, 'user');
    const part = conversation.parts[0]!;
    res.json({ type: 'user_message', id: part.id, created_at: part.created_at, body: part.body, message_type: 'inapp', conversation_id: conversation.id });
  });

  return router;
}

/** Intercom's contact ids are 24 hex digits; here they derive from the user, so none need storing. */
export function contactIdOf(userId: string): string {
  return createHash('sha256').update(`contact:${userId}`).digest('hex').slice(0, 24);
}

function userOfContact(state: MockState, contactId: string): User | undefined {
  return state.workspace.listUsers().find((user) => contactIdOf(user.user_id) === contactId);
}

function contactView(state: MockState, user: User): Record<string, unknown> {
  return {
    type: 'contact',
    id: contactIdOf(user.user_id),
    workspace_id: state.policy.appId,
    external_id: user.user_id,
    role: 'user',
    email: user.email,
    name: user.name,
    created_at: user.created_at,
    updated_at: user.created_at,
  };
}

function bearerAuth(accessToken: string) {
  const expected = Buffer.from(accessToken);
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = Buffer.from(req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    fail(res, 401, 'unauthorized', 'Access Token Invalid');
  };
}

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ type: 'error.list', request_id: randomUUID(), errors: [{ code, message }] });
}

function objectBody(req: Request): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
