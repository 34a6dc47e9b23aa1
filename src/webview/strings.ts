// The panel's own texts: the English source table. The host translates each of them with
// `vscode.l10n.t` (src/panels/panelStrings.ts, so they are in l10n/bundle.l10n.*.json with the rest
// of the extension) and hands them over in the panel's HTML shell; English fills any gap.

const en = {
  to: 'To',
  toAll: 'To All',
  re: 'Re',
  replyTo: 'Reply to {0} — show the message',
  replyElsewhere: 'Reply to {0} in another room — open it',
  messageNotLoaded: 'That message is not loaded in this panel.',
  quote: 'Quote',
  deleted: 'Deleted message',
  edited: 'edited',
  editedAt: 'Edited {0}',
  newMessages: 'New messages',
  unread: 'Unread messages',
  today: 'Today',
  yesterday: 'Yesterday',
  justNow: 'just now',
  copy: 'Copy',
  copyCode: 'Copy code',
  reply: 'Reply',
  edit: 'Edit',
  delete: 'Delete',
  more: 'More actions',
  markUnread: 'Mark unread from here',
  createTask: 'Create task from message',
  copyText: 'Copy text',
  copyLink: 'Copy link',
  send: 'Send',
  sending: 'Sending…',
  retry: 'Retry',
  dismiss: 'Dismiss',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
  sendFailed: 'Not sent: {0}',
  editFailed: 'Not saved: {0}',
  actionFailed: 'Failed: {0}',
  placeholderCtrlEnter: 'Write a message — {0}+Enter to send',
  placeholderEnter: 'Write a message — Enter to send, Shift+Enter for a new line',
  mention: 'To: mention members',
  mentionList: 'Members to mention',
  codeBlock: 'Code block',
  infoBlock: 'Info block',
  infoTitle: 'Title',
  task: 'Task',
  due: 'Due {0}',
  noDue: 'No due date',
  done: 'Done',
  markDone: 'Mark done',
  reopen: 'Reopen',
  open: 'Open',
  download: 'Download {0}',
  preview: 'Image preview — click to download',
  previewUnavailable: 'Preview unavailable — click to download',
  loading: 'Loading messages…',
  loadFailed: 'Could not load the room: {0}',
  empty: 'No messages yet.',
  readOnly: 'You can read this room but not post in it.',
  olderLoading: 'Showing older messages…',
  account: 'Account {0}',
  archiveStart: "Older messages are not available from Chatwork's API.",
  historyGap: 'Some messages between {0} and {1} were not received.',
  showThread: 'Show thread',
  find: 'Find in room',
  findCount: '{0} of {1}',
  findNone: 'No results',
  findOlder: 'Older match (Enter)',
  findNewer: 'Newer match (Shift+Enter)',
  roomHeader: 'Room',
  memberCount: '{0} members',
  showDescription: 'Show the room description',
  hideDescription: 'Hide the room description',
  roomTasks: 'Tasks of this room',
  roomFiles: 'Files of this room',
  roomMembers: 'Members',
  markRoomRead: 'Mark read',
  openInBrowser: 'Open in browser',
  emoticons: 'Insert an emoticon',
  draftPreview: 'Preview the message',
  draftPreviewEmpty: 'Nothing to preview yet.',
  attach: 'Attach a file (or drop one with Shift, or paste an image)',
  uploading: 'Uploading {0} ({1})…',
  uploadWaiting: 'Waiting for the confirmation…',
  uploadFailed: 'Not uploaded: {0}',
  uploadTooLarge: '“{0}” is {1}; Chatwork accepts files of up to 5 MB.',
};

export type Strings = typeof en;

/** The English texts: the fallback, and the source the host's translations are keyed by. */
export const ENGLISH: Strings = en;

/**
 * Translator comments of the keys whose English alone is ambiguous. The l10n key of such a text is
 * `english/comment` (VS Code's convention), see panelKey().
 */
export const COMMENTS: Partial<Record<keyof Strings, string>> = {
  open: 'task status: not done yet',
};

/** The key of a panel text in l10n/bundle.l10n.<lang>.json. */
export function panelKey(name: keyof Strings): string {
  const comment = COMMENTS[name];
  return comment === undefined ? en[name] : `${en[name]}/${comment}`;
}

/**
 * The texts the host sent (any JSON), checked: a known key with a non-empty string counts, with
 * the same {n} placeholders as the English; everything else stays English.
 */
export function stringsFrom(host: unknown): Strings {
  const out: Strings = { ...en };
  if (typeof host !== 'object' || host === null) return out;
  for (const name of Object.keys(en) as (keyof Strings)[]) {
    if (!Object.hasOwn(host, name)) continue;
    const value: unknown = (host as Record<string, unknown>)[name];
    if (typeof value === 'string' && value.trim() !== '' && placeholders(value) === placeholders(en[name])) out[name] = value;
  }
  return out;
}

function placeholders(text: string): string {
  return (text.match(/\{\d+\}/g) ?? []).sort().join();
}

/** Replaces {0}, {1}… with the arguments. */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (whole, i: string) => {
    const value = args[Number(i)];
    return value === undefined ? whole : String(value);
  });
}
