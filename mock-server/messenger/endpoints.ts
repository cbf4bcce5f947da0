import { randomUUID } from 'node:crypto';
import { sameOwner, type Conversation } from '../workspace.ts';
import { EndpointError, type EndpointContext, type EndpointHandler, type EndpointResult, type RouteMatch } from './endpoint.ts';

/**
 * The messenger endpoints both surfaces share; web and mobile differ only in names and in the
 * field that carries the session token back (`anonymous_session` on the web, `session` on mobile).
 */

export const boot: EndpointHandler = (context) => {
  if (!context.owner) context.adoptLead(`visitor-${randomUUID()}`);
  const session = context.issueSession();
  const tokenField = context.surface === 'web' ? 'anonymous_session' : 'session';
  return {
    body: {
      type: context.surface === 'web' ? 'ping' : 'user',
      app_id: context.state.policy.appId,
      [tokenField]: session?.token ?? null,
      user: identityView(context),
      unread_count: ownConversations(context).filter((conversation) => !conversation.read).length,
    },
  };
};

export const open: EndpointHandler = (context) => {
  requireOwner(context);
  return {
    body: {
      type: 'open',
      user: identityView(context),
      conversations: ownConversations(context).map((conversation) => context.provenance.conversationSummary(conversation)),
    },
  };
};

export const listConversations: EndpointHandler = (context) => {
  requireOwner(context);
  return {
    body: {
      type: 'conversation.list',
      conversations: ownConversations(context).map((conversation) => context.provenance.conversation(conversation)),
    },
  };
};

export const listUnread: EndpointHandler = (context) => {
  requireOwner(context);
  return {
    body: {
      type: 'conversation.list',
      conversations: ownConversations(context)
        .filter((conversation) => !conversation.read)
        .map((conversation) => context.provenance.conversation(conversation)),
    },
  };
};

export const getConversation: EndpointHandler = (context) => ({
  body: { type: 'conversation', conversation: context.provenance.conversation(ownConversation(context)) },
});

/** Starts a conversation, or replies to one when `conversation_id` (or the path) names it. */
export const sendMessage: EndpointHandler = (context) => {
  const owner = requireOwner(context);
  const text = context.body['body'];
  if (typeof text !== 'string' || text.trim() === '') {
    throw new EndpointError(400, 'parameter_invalid', 'body: a non-empty message text is required');
  }
  const author = owner.kind === 'user' ? 'user' : 'lead';
  const { workspace } = context.state;
  const named = context.params['id'] ?? (typeof context.body['conversation_id'] === 'string' ? context.body['conversation_id'] : undefined);
  const conversation = named ? ownConversation(context, named) : undefined;
  const target = conversation ?? workspace.startConversation(owner, text, author);
  if (conversation) workspace.reply(conversation, text, author);
  return { status: conversation ? 200 : 201, body: { type: 'conversation', conversation: context.provenance.conversation(target) } };
};

export const markRead: EndpointHandler = (context) => {
  const conversation = ownConversation(context);
  conversation.read = true;
  return { body: { type: 'conversation', conversation: context.provenance.conversationSummary(conversation) } };
};

export const acknowledge: EndpointHandler = (): EndpointResult => ({ body: { type: 'ok' } });

function identityView(context: EndpointContext): Record<string, unknown> {
  const owner = context.owner;
  if (owner?.kind === 'user') {
    const user = context.state.workspace.getUser(owner.user_id);
    if (user) return context.provenance.user(user);
  }
  if (owner?.kind === 'lead') return context.provenance.lead(owner.lead_id);
  return { type: 'none' };
}

function requireOwner(context: EndpointContext): NonNullable<EndpointContext['owner']> {
  if (context.owner) return context.owner;
  throw new EndpointError(context.surface === 'web' ? 403 : 401, 'unauthorized', 'no user, lead or live session identifies this request');
}

function ownConversations(context: EndpointContext): Conversation[] {
  return context.owner ? context.state.workspace.conversationsOf(context.owner) : [];
}

/** A conversation of the requester's own; someone else's is as absent as a missing one. */
function ownConversation(context: EndpointContext, id = context.params['id']): Conversation {
  const owner = requireOwner(context);
  const conversation = id ? context.state.workspace.getConversation(id) : undefined;
  if (!conversation || !sameOwner(conversation.owner, owner)) throw new EndpointError(404, 'not_found', `conversation ${id ?? '(none)'} not found for this identity`);
  return conversation;
}

const WEB_ENDPOINTS: Record<string, EndpointHandler> = {
  ping: boot,
  open,
  conversations: listConversations,
  messages: sendMessage,
  events: acknowledge,
  metrics: acknowledge,
  home: acknowledge,
  launcher_settings: acknowledge,
  page_view_events: acknowledge,
};

export function routeWeb(path: string): RouteMatch | null {
  const handler = WEB_ENDPOINTS[path];
  return handler ? { handler, params: {} } : null;
}

const MOBILE_ROUTES: [RegExp, EndpointHandler][] = [
  [/^users$/, boot],
  [/^open$/, open],
  [/^(conversations|conversations\/inbox)$/, listConversations],
  [/^conversations\/unread$/, listUnread],
  [/^messages$/, sendMessage],
  [/^conversations\/(?<id>[^/]+)\/reply$/, sendMessage],
  [/^conversations\/(?<id>[^/]+)\/read$/, markRead],
  [/^conversations\/(?<id>[^/]+)$/, getConversation],
  [/^(events|device_tokens|metrics|home)$/, acknowledge],
];

export function routeMobile(path: string): RouteMatch | null {
  for (const [pattern, handler] of MOBILE_ROUTES) {
    const match = pattern.exec(path);
    if (match) return { handler, params: { ...match.groups } };
  }
  return null;
}
