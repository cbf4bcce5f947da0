import type { Workspace } from '../workspace.ts';
import { IntercomRestClient, RestApiError } from './rest-client.ts';

/** What was planted in a workspace, and the means to remove it. */
export interface PlantedUsers {
  /** The contact ids created, by user_id. */
  readonly contacts: ReadonlyMap<string, string>;
  /** Deletes every planted contact (and with it, in Intercom, their conversations); tries them all, then throws if any failed. */
  remove(): Promise<void>;
}

/**
 * Plants the mock's test users in the workspace through the REST API: each as a contact (role
 * user, external_id = user_id, their email, their name with its canary) with one conversation per
 * seeded conversation (its text with its canary), so the workspace's messenger answers carry the
 * canaries the oracles look for. If any call fails, what was planted so far is removed first.
 */
export async function plantUsers(workspace: Workspace, restBase: string, accessToken: string): Promise<PlantedUsers> {
  const client = new IntercomRestClient(restBase, accessToken);
  const contacts = new Map<string, string>();
  const remove = async (): Promise<void> => {
    const failures: string[] = [];
    for (const [userId, contactId] of contacts) {
      try {
        await client.deleteContact(contactId);
        contacts.delete(userId);
      } catch (error) {
        failures.push(`${userId} (contact ${contactId}): ${(error as Error).message}`);
      }
    }
    if (failures.length) throw new Error(`live mode could not remove what it planted; delete these contacts by hand: ${failures.join('; ')}`);
  };
  try {
    for (const user of workspace.listUsers()) {
      const contact = await client.createUser({ external_id: user.user_id, email: user.email, name: user.name });
      contacts.set(user.user_id, contact.id);
      for (const conversation of workspace.conversationsOf({ kind: 'user', user_id: user.user_id })) {
        const first = conversation.parts[0];
        if (first) await client.startConversation(contact.id, first.body);
      }
    }
  } catch (error) {
    const leftover = await remove().then(
      () => '',
      (removal: Error) => `; ${removal.message}`,
    );
    throw new RestApiError(`live mode could not plant the test users: ${(error as Error).message}${leftover}`, error instanceof RestApiError ? error.status : null);
  }
  return { contacts, remove };
}
