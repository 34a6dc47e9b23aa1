import type { ChatworkClient } from './api/chatworkClient';
import type { TokenStore } from './auth/tokenStore';
import type { Logger } from './common/logger';
import type { Prompts } from './common/prompts';

/**
 * What commands and views need, passed explicitly instead of module globals. `prompts` is the one
 * field that is swapped: the integration tests install a scripted implementation.
 */
export interface Deps {
  readonly client: ChatworkClient;
  readonly tokens: TokenStore;
  readonly log: Logger;
  prompts: Prompts;
}
