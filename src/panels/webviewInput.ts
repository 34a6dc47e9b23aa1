// The webview shows text written by other people, so the host treats what it sends like any
// untrusted input: every message is checked field by field before anything acts on it.
import { MAX_UPLOAD_BYTES } from '../api/validate';
import type { FromWebviewMessage, RoomAction, UploadSource } from './protocol';

const ROOM_ACTIONS: ReadonlySet<string> = new Set<RoomAction>(['tasks', 'files', 'members', 'markRead', 'openInBrowser']);

const MESSAGE_ID = /^[0-9]{1,19}$/;
const MAX_TEXT = 65_535;

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isMessageId = (v: unknown): v is string => typeof v === 'string' && MESSAGE_ID.test(v);
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isIdList = (v: unknown): v is number[] => Array.isArray(v) && v.length <= 100 && v.every(isId);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A file to upload: names are the user's own but still bounded; data at most 5 MB (+1 so the host can say "too large"). */
function checkUploadSource(v: unknown): UploadSource | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Record<string, unknown>;
  if (s.kind === 'pick') return { kind: 'pick' };
  if (s.kind === 'uri') return isText(s.uri, 8192) && s.uri !== '' ? { kind: 'uri', uri: s.uri } : undefined;
  if (s.kind === 'data' && isText(s.name, 255) && s.name.trim() !== '' && s.data instanceof Uint8Array && s.data.byteLength <= MAX_UPLOAD_BYTES + 1) {
    return { kind: 'data', name: s.name, data: s.data };
  }
  return undefined;
}

/** The message if it is well-formed, otherwise undefined (and it is dropped). */
export function checkWebviewMessage(value: unknown): FromWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'pickMention':
      return { type: m.type };
    case 'rendered':
      return isCount(m.messageCount) && isCount(m.mountedCount) && (m.newestId === undefined || isMessageId(m.newestId))
        ? { type: 'rendered', messageCount: m.messageCount, mountedCount: m.mountedCount, ...(m.newestId === undefined ? {} : { newestId: m.newestId }) }
        : undefined;
    case 'olderMessages':
      return isMessageId(m.beforeId) ? { type: m.type, beforeId: m.beforeId } : undefined;
    case 'viewed':
    case 'markUnread':
    case 'showThread':
    case 'delete':
      return isMessageId(m.messageId) ? { type: m.type, messageId: m.messageId } : undefined;
    case 'draftChanged':
      return isText(m.text) ? { type: 'draftChanged', text: m.text } : undefined;
    case 'openLink':
      return isText(m.url, 8192) ? { type: 'openLink', url: m.url } : undefined;
    case 'copyText':
      return isText(m.text, 1_000_000) ? { type: 'copyText', text: m.text } : undefined;
    case 'openRoom':
      if (!isId(m.roomId) || (m.messageId !== undefined && !isMessageId(m.messageId))) return undefined;
      return m.messageId === undefined ? { type: 'openRoom', roomId: m.roomId } : { type: 'openRoom', roomId: m.roomId, messageId: m.messageId };
    case 'openCodeRef':
      if (!isText(m.path, 1024) || m.path === '' || !isId(m.startLine) || !isId(m.endLine) || (m.column !== undefined && !isId(m.column))) return undefined;
      return { type: 'openCodeRef', path: m.path, startLine: m.startLine, endLine: m.endLine, ...(m.column === undefined ? {} : { column: m.column }) };
    case 'createTask':
      if (!isText(m.body) || (m.assigneeIds !== undefined && !isIdList(m.assigneeIds))) return undefined;
      return m.assigneeIds === undefined ? { type: 'createTask', body: m.body } : { type: 'createTask', body: m.body, assigneeIds: m.assigneeIds };
    case 'setTaskStatus':
      return isIdList(m.taskIds) && m.taskIds.length > 0 && (m.status === 'open' || m.status === 'done')
        ? { type: 'setTaskStatus', taskIds: m.taskIds, status: m.status }
        : undefined;
    case 'roomAction':
      return typeof m.action === 'string' && ROOM_ACTIONS.has(m.action) ? { type: 'roomAction', action: m.action as RoomAction } : undefined;
    case 'downloadFile':
      return isId(m.fileId) ? { type: m.type, fileId: m.fileId } : undefined;
    case 'resolvePreview':
      if (!isId(m.fileId)) return undefined;
      return isMessageId(m.messageId) ? { type: m.type, fileId: m.fileId, messageId: m.messageId } : { type: m.type, fileId: m.fileId };
    case 'send':
      return isText(m.body) && m.body.trim() !== '' ? { type: 'send', body: m.body } : undefined;
    case 'edit':
      return isMessageId(m.messageId) && isText(m.body) && m.body.trim() !== '' ? { type: 'edit', messageId: m.messageId, body: m.body } : undefined;
    case 'cancelUpload':
      return { type: m.type };
    case 'upload': {
      const source = checkUploadSource(m.source);
      return source && isText(m.message) ? { type: 'upload', source, message: m.message } : undefined;
    }
    default:
      return undefined;
  }
}
