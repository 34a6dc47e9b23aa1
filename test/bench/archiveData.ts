// The panel's message shape (src/panels/panelData.ts messageData, which needs `vscode` for its
// module): the same fields, for measuring the snapshot the host builds from the archive.
import type { Message } from '../../src/api/types';
import type { MessageData } from '../../src/panels/protocol';

export function messageDataOf(m: Message): MessageData {
  return { id: m.message_id, accountId: m.account.account_id, name: m.account.name, avatarUrl: m.account.avatar_image_url, body: m.body, sendTime: m.send_time, updateTime: m.update_time };
}
