// Wording of `[dtext:key]` system texts (chatwork-api-details.md §8.3). Japanese is the official
// legacy web-client table; English follows Sagittarius where it exists, and is ours where marked;
// Vietnamese is ours (it follows the English sentence halves).
// Several keys are halves of one sentence around names: `[dtext:chatroom_member_is][piconname:1]
// [dtext:chatroom_added]` reads "Member: NAME has been added." / 「メンバー「NAME」を追加しました。」.

export type DtextLanguage = 'en' | 'ja' | 'vi';

const TABLE: ReadonlyArray<readonly [key: string, en: string, ja: string, vi: string]> = [
  ['file_uploaded', 'New file uploaded.', 'ファイルをアップロードしました。', 'Đã tải lên tệp mới.'],
  ['file_edited', 'File name edited.', 'ファイル名を編集しました。', 'Đã đổi tên tệp.'],
  ['task_added', 'Task assigned.', 'タスクを追加しました。', 'Đã thêm công việc.'],
  ['task_edited', 'Task edited.', 'タスクを編集しました。', 'Đã chỉnh sửa công việc.'],
  ['task_done', 'Task completed.', 'タスクを完了しました。', 'Đã hoàn thành công việc.'],
  ['task_reverted', 'Task re-assigned.', 'タスクを未完了に戻しました。', 'Đã chuyển công việc về trạng thái chưa hoàn thành.'],
  ['chatroom_groupchat_created', 'New group chat created.', '新しくグループチャットを作成しました。', 'Đã tạo nhóm chat mới.'],
  ['chatroom_mychat_created', 'My Chat created.', 'マイチャットを作成しました。', 'Đã tạo Chat của tôi.'],
  ['chatroom_chatname_is', 'Group Chat Name:', 'チャット名を「', 'Tên nhóm chat:'],
  ['chatroom_set', 'was edited.', '」に設定しました。', 'đã được cập nhật.'],
  ['chatroom_description_is', 'Group Chat Description:', '概要を「', 'Mô tả nhóm chat:'],
  ['chatroom_member_is', 'Member:', 'メンバー「', 'Thành viên:'],
  ['chatroom_added', 'has been added.', '」を追加しました。', 'đã được thêm vào.'],
  // Ours: the English source only has placeholders for the next five.
  ['chatroom_deleted', 'has been removed.', '」を削除しました。', 'đã bị xóa khỏi nhóm.'],
  ['chatroom_leaved', 'has left.', '」が退席しました。', 'đã rời khỏi nhóm.'],
  ['chatroom_priv_changed', 'had their role changed.', '」の権限を変更しました。', 'đã được thay đổi quyền.'],
  ['chatroom_changed', 'was changed.', '」に変更しました。', 'đã được thay đổi.'],
  ['chatroom_chat_edited', 'Chat info updated.', 'チャット情報を変更しました。', 'Đã cập nhật thông tin chat.'],
  ['chatroom_icon_updated', 'Group chat icon updated.', 'グループチャットのアイコンを変更しました。', 'Đã đổi biểu tượng nhóm chat.'],
  ['chatroom_adminsetting_edited', 'Chat settings changed.', 'チャット設定を変更しました。', 'Đã thay đổi cài đặt chat.'],
  ['chatroom_contact_added', 'New contact added.', 'コンタクトを追加しました。', 'Đã thêm liên hệ mới.'],
  ['chatroom_chat_joined', 'Joined the chat.', 'チャットに参加しました。', 'Đã tham gia chat.'],
  ['chatroom_over_groupchatnum', 'could not be added: over the group chat limit.', 'はグループチャット制限数を越えているため追加できませんでした。', 'không thể được thêm vì đã vượt quá số nhóm chat tối đa.'],
  ['chatroom_disable_external', 'could not be added: external users are not allowed.', 'は組織外ユーザーとのやりとりが禁止されているため追加できませんでした。', 'không thể được thêm vì không được phép trao đổi với người dùng ngoài tổ chức.'],
];

// A Map, not an object: keys come from message bodies (`[dtext:constructor]` must not hit a prototype).
const en = new Map(TABLE.map(([key, text]) => [key, text]));
const ja = new Map(TABLE.map(([key, , text]) => [key, text]));
const vi = new Map(TABLE.map(([key, , , text]) => [key, text]));

/** The system text for a key, or undefined for keys we do not know (callers show them as-is). */
export function dtextText(key: string, language?: DtextLanguage): string | undefined {
  // English unless Japanese or Vietnamese is asked for.
  return (language === 'ja' ? ja : language === 'vi' ? vi : en).get(key);
}
