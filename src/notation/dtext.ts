// Wording of `[dtext:key]` system texts (chatwork-api-details.md §8.3). Japanese is the official
// legacy web-client table; English follows Sagittarius where it exists, and is ours where marked.
// Several keys are halves of one sentence around names: `[dtext:chatroom_member_is][piconname:1]
// [dtext:chatroom_added]` reads "Member: NAME has been added." / 「メンバー「NAME」を追加しました。」.

export type DtextLanguage = 'en' | 'ja';

const TABLE: ReadonlyArray<readonly [key: string, en: string, ja: string]> = [
  ['file_uploaded', 'New file uploaded.', 'ファイルをアップロードしました。'],
  ['file_edited', 'File name edited.', 'ファイル名を編集しました。'],
  ['task_added', 'Task assigned.', 'タスクを追加しました。'],
  ['task_edited', 'Task edited.', 'タスクを編集しました。'],
  ['task_done', 'Task completed.', 'タスクを完了しました。'],
  ['task_reverted', 'Task re-assigned.', 'タスクを未完了に戻しました。'],
  ['chatroom_groupchat_created', 'New group chat created.', '新しくグループチャットを作成しました。'],
  ['chatroom_mychat_created', 'My Chat created.', 'マイチャットを作成しました。'],
  ['chatroom_chatname_is', 'Group Chat Name:', 'チャット名を「'],
  ['chatroom_set', 'was edited.', '」に設定しました。'],
  ['chatroom_description_is', 'Group Chat Description:', '概要を「'],
  ['chatroom_member_is', 'Member:', 'メンバー「'],
  ['chatroom_added', 'has been added.', '」を追加しました。'],
  // Ours: the English source only has placeholders for the next five.
  ['chatroom_deleted', 'has been removed.', '」を削除しました。'],
  ['chatroom_leaved', 'has left.', '」が退席しました。'],
  ['chatroom_priv_changed', 'had their role changed.', '」の権限を変更しました。'],
  ['chatroom_changed', 'was changed.', '」に変更しました。'],
  ['chatroom_chat_edited', 'Chat info updated.', 'チャット情報を変更しました。'],
  ['chatroom_icon_updated', 'Group chat icon updated.', 'グループチャットのアイコンを変更しました。'],
  ['chatroom_adminsetting_edited', 'Chat settings changed.', 'チャット設定を変更しました。'],
  ['chatroom_contact_added', 'New contact added.', 'コンタクトを追加しました。'],
  ['chatroom_chat_joined', 'Joined the chat.', 'チャットに参加しました。'],
  ['chatroom_over_groupchatnum', 'could not be added: over the group chat limit.', 'はグループチャット制限数を越えているため追加できませんでした。'],
  ['chatroom_disable_external', 'could not be added: external users are not allowed.', 'は組織外ユーザーとのやりとりが禁止されているため追加できませんでした。'],
];

// A Map, not an object: keys come from message bodies (`[dtext:constructor]` must not hit a prototype).
const en = new Map(TABLE.map(([key, text]) => [key, text]));
const ja = new Map(TABLE.map(([key, , text]) => [key, text]));

/** The system text for a key, or undefined for keys we do not know (callers show them as-is). */
export function dtextText(key: string, language: DtextLanguage = 'en'): string | undefined {
  return (language === 'ja' ? ja : en).get(key);
}
