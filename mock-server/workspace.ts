import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_LEAD_CAP } from './constants.ts';
import type { SeedUser } from './types.ts';

/** A message inside a conversation. */
export interface ConversationPart {
  id: string;
  author: 'user' | 'lead' | 'admin';
  body: string;
  created_at: number;
}

export type Owner = { kind: 'user'; user_id: string } | { kind: 'lead'; lead_id: string };

export interface Conversation {
  id: string;
  owner: Owner;
  parts: ConversationPart[];
  created_at: number;
  updated_at: number;
  read: boolean;
}

export interface User {
  user_id: string;
  email: string | null;
  name: string;
  /** Unique strings planted in this user's name and conversations; any sighting is a trace. */
  canaries: string[];
  seeded: boolean;
  created_at: number;
}

export interface Lead {
  lead_id: string;
  created_at: number;
}

export interface LeadStats {
  held: number;
  cap: number;
  /** Leads forgotten to stay under the cap since the last reset. */
  evicted: number;
}

/**
 * Users, leads and conversations of one Intercom workspace. Every user carries canaries: one
 * planted in its name, one in each seeded conversation, so a leak is found by plain text search.
 * Every first-time visitor becomes a lead, so at most `leadCap` leads are held and the least
 * recently seen is forgotten past it. Nothing is judged from a lead record: a forgotten lead's
 * conversations stay, and a visitor that comes back is a lead again.
 */
export class Workspace {
  private readonly users = new Map<string, User>();
  private readonly leads = new Map<string, Lead>();
  private readonly conversations = new Map<string, Conversation>();
  private nextConversationId = 1;
  private nextPartId = 1;
  private evictedLeads = 0;
  private readonly canarySeed: string;

  constructor(
    private readonly seedUsers: SeedUser[],
    seed: string | undefined,
    private readonly now: () => number,
    private readonly leadCap = DEFAULT_LEAD_CAP,
  ) {
    if (!Number.isInteger(leadCap) || leadCap < 1) throw new Error(`lead cap must be a positive integer, got ${leadCap}`);
    this.canarySeed = seed ?? randomBytes(8).toString('hex');
    this.restoreSeed();
  }

  /** Back to the seeded state: seeded users and their conversations, nothing else. */
  restoreSeed(): void {
    this.clear();
    for (const seedUser of this.seedUsers) this.addUser(seedUser, true);
  }

  clear(): void {
    this.users.clear();
    this.leads.clear();
    this.evictedLeads = 0;
    this.conversations.clear();
    this.nextConversationId = 1;
    this.nextPartId = 1;
  }

  /** Canaries derive from the workspace seed, the user and a slot, so a reset plants the same ones. */
  private canary(userId: string, slot: string): string {
    const digest = createHash('sha256').update(`${this.canarySeed}:${userId}:${slot}`).digest('hex');
    return `CNRY-${userId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 24)}-${digest.slice(0, 8)}`;
  }

  addUser(input: SeedUser, seeded = false): User {
    const nameCanary = this.canary(input.user_id, 'name');
    const user: User = {
      user_id: input.user_id,
      email: input.email ?? null,
      name: `${input.name ?? input.user_id} · ${nameCanary}`,
      canaries: [nameCanary],
      seeded,
      created_at: this.now(),
    };
    this.users.set(user.user_id, user);
    const texts = input.conversations ?? [`${input.name ?? input.user_id} opened a conversation.`];
    texts.forEach((text, index) => {
      const canary = this.canary(input.user_id, `conversation-${index}`);
      user.canaries.push(canary);
      this.startConversation({ kind: 'user', user_id: user.user_id }, `${text} [ref ${canary}]`, 'user');
    });
    return user;
  }

  /** A user exactly as given, no canary of this workspace's own (the REST API's contacts: the planter brings its canaries). */
  addContact(input: { user_id: string; email?: string; name?: string }): User {
    const user: User = { user_id: input.user_id, email: input.email ?? null, name: input.name ?? input.user_id, canaries: [], seeded: false, created_at: this.now() };
    this.users.set(user.user_id, user);
    return user;
  }

  /** Forgets a user and their conversations. */
  removeUser(userId: string): boolean {
    for (const [id, conversation] of this.conversations) if (conversation.owner.kind === 'user' && conversation.owner.user_id === userId) this.conversations.delete(id);
    return this.users.delete(userId);
  }

  getUser(userId: string): User | undefined {
    return this.users.get(userId);
  }

  listUsers(): User[] {
    return [...this.users.values()];
  }

  /** Intercom creates a user the first time a valid JWT names it. */
  ensureUser(userId: string, email?: string): User {
    const existing = this.users.get(userId);
    if (existing) {
      if (email && !existing.email) existing.email = email;
      return existing;
    }
    return this.addUser({ user_id: userId, ...(email ? { email } : {}), conversations: [] });
  }

  ensureLead(leadId: string): Lead {
    const known = this.leads.get(leadId);
    if (known) {
      this.leads.delete(leadId);
      this.leads.set(leadId, known);
      return known;
    }
    const lead = { lead_id: leadId, created_at: this.now() };
    this.leads.set(leadId, lead);
    if (this.leads.size > this.leadCap) {
      const oldest = this.leads.keys().next();
      if (!oldest.done) this.leads.delete(oldest.value);
      this.evictedLeads++;
    }
    return lead;
  }

  leadStats(): LeadStats {
    return { held: this.leads.size, cap: this.leadCap, evicted: this.evictedLeads };
  }

  conversationsOf(owner: Owner): Conversation[] {
    const result: Conversation[] = [];
    for (const conversation of this.conversations.values()) {
      if (sameOwner(conversation.owner, owner)) result.push(conversation);
    }
    return result;
  }

  getConversation(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  startConversation(owner: Owner, body: string, author: ConversationPart['author']): Conversation {
    const now = this.now();
    const conversation: Conversation = {
      id: String(this.nextConversationId++),
      owner,
      parts: [],
      created_at: now,
      updated_at: now,
      read: true,
    };
    this.conversations.set(conversation.id, conversation);
    this.reply(conversation, body, author);
    return conversation;
  }

  reply(conversation: Conversation, body: string, author: ConversationPart['author']): ConversationPart {
    const part: ConversationPart = { id: String(this.nextPartId++), author, body, created_at: this.now() };
    conversation.parts.push(part);
    conversation.updated_at = part.created_at;
    return part;
  }
}

export function sameOwner(a: Owner, b: Owner): boolean {
  if (a.kind === 'user' && b.kind === 'user') return a.user_id === b.user_id;
  if (a.kind === 'lead' && b.kind === 'lead') return a.lead_id === b.lead_id;
  return false;
}
