// Files of a room: list, and one file with a download link (valid 30 s). Read-only.
import { fileEntry } from './entityText';
import { chatData } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { count, id } from './toolInput';

export class ListFilesTool extends ChatworkTool<{ roomId: number; accountId?: number; limit?: number }> {
  readonly name = 'chatwork_list_files';
  readonly kind = 'read';
  protected async run(input: { roomId: number; accountId?: number; limit?: number }): Promise<string> {
    const roomId = id(input.roomId);
    const files = input.accountId === undefined ? await this.deps.store.files(roomId) : await this.deps.client.getFiles(roomId, { accountId: id(input.accountId) });
    const sorted = [...files].sort((a, b) => b.upload_time - a.upload_time);
    const shown = sorted.slice(0, count(input.limit, 50, 100));
    return chatData(`${files.length} files in room ${roomId}, newest first:`, shown.map((f) => fileEntry(f, roomId)), files.length - shown.length);
  }
}

export class GetFileTool extends ChatworkTool<{ roomId: number; fileId: number; downloadUrl?: boolean }> {
  readonly name = 'chatwork_get_file';
  readonly kind = 'read';
  protected async run(input: { roomId: number; fileId: number; downloadUrl?: boolean }): Promise<string> {
    const roomId = id(input.roomId);
    const file = await this.deps.client.getFile(roomId, id(input.fileId), { createDownloadUrl: input.downloadUrl ?? true });
    return chatData('The file:', [fileEntry(file, roomId)]);
  }
}

export function fileTools(deps: ToolDeps): AnyChatworkTool[] {
  return [new ListFilesTool(deps), new GetFileTool(deps)];
}
