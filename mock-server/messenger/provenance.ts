import type { Conversation, ConversationPart, Owner, User } from '../workspace.ts';

/**
 * Whose data a response carries. Every view of workspace data goes through here, so the journal's
 * `served.user_ids` is built from what was actually put into the body, not from who asked.
 */
export class Provenance {
  readonly userIds = new Set<string>();
  readonly leadIds = new Set<string>();

  private note(owner: Owner): void {
    if (owner.kind === 'user') this.userIds.add(owner.user_id);
    else this.leadIds.add(owner.lead_id);
  }

  user(user: User): Record<string, unknown> {
    this.userIds.add(user.user_id);
    return { type: 'user', user_id: user.user_id, email: user.email, name: user.name };
  }

  lead(leadId: string): Record<string, unknown> {
    this.leadIds.add(leadId);
    return { type: 'lead', anonymous_id: leadId };
  }

  conversationSummary(conversation: Conversation): Record<string, unknown> {
    this.note(conversation.owner);
    const last = conversation.parts.at(-1);
    return {
      id: conversation.id,
      updated_at: conversation.updated_at,
      read: conversation.read,
      last_part: last ? part(last) : null,
    };
  }

  conversation(conversation: Conversation): Record<string, unknown> {
    this.note(conversation.owner);
    return {
      id: conversation.id,
      created_at: conversation.created_at,
      updated_at: conversation.updated_at,
      read: conversation.read,
      parts: conversation.parts.map(part),
    };
  }
}

function part(value: ConversationPart): Record<string, unknown> {
  return { id: value.id, author: value.author, body: value.body, created_at: value.created_at };
}
