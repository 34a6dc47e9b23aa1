import type { ChatworkClient } from './api/chatworkClient';
import type { TokenStore } from './auth/tokenStore';
import type { Logger } from './common/logger';
import type { Prompts } from './common/prompts';
import type { Poller } from './store/poller';
import type { RoomStore } from './store/roomStore';

/**
 * What commands and views need, passed explicitly instead of module globals. `prompts` is the one
 * field that is swapped: the integration tests install a scripted implementation.
 */
export interface Deps {
  readonly client: ChatworkClient;
  readonly tokens: TokenStore;
  readonly log: Logger;
  readonly store: RoomStore;
  readonly poller: Poller;
  prompts: Prompts;
}
