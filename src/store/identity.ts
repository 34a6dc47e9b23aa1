import type { Me } from '../api/types';

/** Who "I" am: the part of GET /me the extension uses (no e-mail or phone numbers). */
export type Identity = Pick<Me, 'account_id' | 'room_id' | 'name' | 'chatwork_id' | 'avatar_image_url' | 'organization_id' | 'organization_name' | 'department'>;

/**
 * Remembers the identity behind the current token across sessions, so a reload does not pay
 * GET /me again (the extension keys it by a fingerprint of the token, never the token itself).
 */
export interface IdentityCache {
  get(): Identity | undefined;
  set(identity: Identity): void;
}

/** The identity fields of a GET /me answer (everything else, such as e-mail, is left out). */
export function identityOf(me: Identity): Identity {
  const { account_id, room_id, name, chatwork_id, avatar_image_url, organization_id, organization_name, department } = me;
  return { account_id, room_id, name, chatwork_id, avatar_image_url, organization_id, organization_name, department };
}
