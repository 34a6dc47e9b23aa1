// The tree a Chatwork message body parses into. Plain data only (survives postMessage / JSON), so the
// host can parse once and the webview can build DOM from it with textContent. Ids are numbers except
// `messageId`, which is a string of up to 19 digits and must never go through Number().

/** Literal text: user text, and also any tag the parser did not accept, in its exact source form. */
export interface TextNode {
  readonly type: 'text';
  readonly text: string;
}

/** An auto-linked http(s) URL found in text (never inside [code] or tag attributes). */
export interface LinkNode {
  readonly type: 'link';
  readonly url: string;
}

/** `:)`, `(coffee)`… `code` is the source text, `name` the asset name (see emoticons.ts). */
export interface EmoticonNode {
  readonly type: 'emoticon';
  readonly code: string;
  readonly name: string;
}

/** `[To:123]` */
export interface MentionNode {
  readonly type: 'mention';
  readonly accountId: number;
}

/** `[toall]` */
export interface ToAllNode {
  readonly type: 'toall';
}

/** `[rp aid=123 to=456-789]` (also the Japanese alias `[返信 aid=… to=…]`). */
export interface ReplyNode {
  readonly type: 'reply';
  readonly accountId: number;
  readonly roomId: number;
  readonly messageId: string;
}

/** `[qt][qtmeta aid=1 time=2]…[/qt]`; author and time are absent for a bare `[qt]…[/qt]`. */
export interface QuoteNode {
  readonly type: 'quote';
  readonly accountId?: number;
  readonly time?: number;
  readonly children: readonly NotationNode[];
}

/** `[info][title]…[/title]…[/info]`; `title` only when the title opens the box. */
export interface InfoNode {
  readonly type: 'info';
  readonly title?: readonly NotationNode[];
  readonly children: readonly NotationNode[];
}

/** `[code]…[/code]`: content kept exactly, never interpreted. */
export interface CodeNode {
  readonly type: 'code';
  readonly text: string;
}

/** `[hr]` */
export interface HrNode {
  readonly type: 'hr';
}

/** `[picon:123]`: the account's avatar. */
export interface PiconNode {
  readonly type: 'picon';
  readonly accountId: number;
}

/** `[piconname:123]`: avatar and display name. */
export interface PiconNameNode {
  readonly type: 'piconname';
  readonly accountId: number;
}

/** `[pname:123]`: display name only. */
export interface PnameNode {
  readonly type: 'pname';
  readonly accountId: number;
}

/** `[preview id=FILE ht=PX]`: inline thumbnail of an uploaded image. */
export interface PreviewNode {
  readonly type: 'preview';
  readonly fileId: number;
  readonly height?: number;
}

/** `[download:FILE]name (12 KB)[/download]`: the label is literal, like code. */
export interface DownloadNode {
  readonly type: 'download';
  readonly fileId: number;
  readonly label: string;
}

export type TaskNodeStatus = 'open' | 'done';
export type TaskNodeLimitType = 'none' | 'date' | 'time';

/** `[task aid=1,2 st=open lt=0 ltype=date]body[/task]`; limitTime 0 = no limit (also when `lt` is absent). */
export interface TaskNode {
  readonly type: 'task';
  readonly assigneeIds: readonly number[];
  readonly status: TaskNodeStatus;
  readonly limitTime: number;
  readonly limitType?: TaskNodeLimitType;
  readonly children: readonly NotationNode[];
}

/** `[dtext:file_uploaded]`: server-side system text; see dtext.ts for the wording. */
export interface DtextNode {
  readonly type: 'dtext';
  readonly key: string;
}

/** `[deleted]`: the body of a deleted message. */
export interface DeletedNode {
  readonly type: 'deleted';
}

export type NotationNode =
  | TextNode
  | LinkNode
  | EmoticonNode
  | MentionNode
  | ToAllNode
  | ReplyNode
  | QuoteNode
  | InfoNode
  | CodeNode
  | HrNode
  | PiconNode
  | PiconNameNode
  | PnameNode
  | PreviewNode
  | DownloadNode
  | TaskNode
  | DtextNode
  | DeletedNode;

export type NotationNodeType = NotationNode['type'];

/** The child lists of a node (title first for info), empty for leaves. */
export function childListsOf(node: NotationNode): readonly (readonly NotationNode[])[] {
  if (node.type === 'quote' || node.type === 'task') return [node.children];
  if (node.type === 'info') return node.title ? [node.title, node.children] : [node.children];
  return [];
}
