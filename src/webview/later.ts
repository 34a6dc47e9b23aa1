// What the panel needs only after its first paint, in a chunk of its own: find in the room, the
// message menu, the inline editor, the list of members shown while a mention is typed, and
// messages as plain text (find, Copy Text, Create Task). app.ts loads it with
// import() once the newest messages are painted (or at once when the user asks for one of them).
export { FindInRoom, type FindHost } from './find/findInRoom';
export { InlineEditor } from './inlineEditor';
export { MentionList } from './mentions/mentionList';
export { PopupMenu } from './menu';
export { toPlainText } from '../notation/plainText';
