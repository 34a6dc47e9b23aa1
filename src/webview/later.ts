// What the panel needs only after its first paint, in a chunk of its own: find in the room, the
// message menu, the inline editor, the list of members shown while a mention is typed, the
// composer's emoticons, preview and attachments, the task cards' buttons (their states come after
// the snapshot anyway), and messages as plain text (find, Copy Text, Create Task). app.ts loads it with
// import() once the newest messages are painted (or at once when the user asks for one of them).
export { Attachments } from './attachments';
export { DraftPreview } from './draftPreview';
export { EmoticonPicker } from './emoticonPicker';
export { FindInRoom, type FindHost } from './find/findInRoom';
export { InlineEditor } from './inlineEditor';
export { MentionList } from './mentions/mentionList';
export { filterMentions } from './mentions/mentionMatch';
export { PopupMenu } from './menu';
export { TaskCards } from './taskCards';
export { toPlainText } from '../notation/plainText';
