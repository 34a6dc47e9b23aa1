import type { ChatworkClient } from './api/chatworkClient';
import type { MessageHistory } from './archive/messageHistory';
import type { TokenStore } from './auth/tokenStore';
import type { ActivityTracker } from './common/activity';
import type { Logger } from './common/logger';
import type { MutedRooms } from './notifications/mutedRooms';
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
  /** Panels call `activity.hold()` while open, so polling runs while anything shows Chatwork data. */
  readonly activity: ActivityTracker;
  /** Rooms whose notifications are muted (tree menus show Mute or Unmute by it). */
  readonly muted: MutedRooms;
  /** The local message archive of the account signed in: search, threads, Clear Local History. */
  readonly history: MessageHistory;
  prompts: Prompts;
}
