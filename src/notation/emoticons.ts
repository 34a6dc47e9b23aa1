// The 49 emoticons of the current Chatwork picker (chatwork-api-details.md §8.2): code → asset name,
// official English tooltip, legacy Japanese name (absent for the seven newest) and a Unicode fallback
// for places that cannot show images (tree labels, notifications).

export interface EmoticonInfo {
  readonly code: string;
  /** Asset name: `https://assets.chatwork.com/images/emoticon2x/emo_<name>.gif`. */
  readonly name: string;
  readonly title: string;
  readonly titleJa?: string;
  readonly unicode: string;
}

const e = (code: string, name: string, title: string, titleJa: string | undefined, unicode: string): EmoticonInfo =>
  titleJa === undefined ? { code, name, title, unicode } : { code, name, title, titleJa, unicode };

export const EMOTICONS: readonly EmoticonInfo[] = [
  e(':)', 'smile', 'Smile', '笑顔', '😃'),
  e(':(', 'sad', 'Sad', '悲しい', '😔'),
  e(':D', 'more_smile', 'Laugh', 'もっとスマイル', '😄'),
  e('8-)', 'lucky', 'Nice!', 'やったね', '😎'),
  e(':o', 'surprise', 'Shocked!', 'びっくり', '😳'),
  e(';)', 'wink', 'Wink', 'ウィンク', '😉'),
  e(';(', 'tears', 'Cry', 'ウェ～ん', '😢'),
  e('(sweat)', 'sweat', 'Worry', '汗', '😓'),
  e(':|', 'mumu', 'Hmm...', 'むむ', '😌'),
  e(':*', 'kiss', 'Kiss!', 'チュ！', '😘'),
  e(':p', 'tongueout', 'Goofy', 'べー', '😜'),
  e('(blush)', 'blush', 'Blush', '恥ずかしい', '😊'),
  e(':^)', 'wonder', 'Whaaat?', '何なに', '😕'),
  e('|-)', 'snooze', 'Sleeepy', '眠い', '😪'),
  e('(inlove)', 'love', 'Love', '恋してます', '😍'),
  e(']:)', 'grin', 'Grin', 'ニヤッ', '😏'),
  e('(talk)', 'talk', 'Talk', '話す', '🗣️'),
  e('(yawn)', 'yawn', 'Yawn', 'あくび', '🥱'),
  e('(puke)', 'puke', 'Bleh!', 'ゲーッ', '🤮'),
  e('(emo)', 'ikemen', 'Emo', 'イケメン', '💁'),
  e('8-|', 'otaku', 'Nerd', 'オタク', '🤓'),
  e(':#)', 'ninmari', 'Heh, heh, heh', 'ニンマリ', '😬'),
  e('(nod)', 'nod', 'Nod', 'うんうん', '🆗'),
  e('(shake)', 'shake', 'Shake', 'いやいや', '🆖'),
  e('(^^;)', 'wry_smile', 'Wry Grin', '苦笑い', '😅'),
  e('(whew)', 'whew', 'Whew!', 'やれやれ', '😥'),
  e('(clap)', 'clap', 'Clap', '拍手', '👏'),
  e('(bow)', 'bow', 'Bow', 'おじぎ', '🙇'),
  e('(roger)', 'roger', 'Roger!', '了解！', '🙋'),
  e('(flex)', 'muscle', 'Muscle', '筋肉モリモリ', '💪'),
  e('(dance)', 'dance', 'Dance!', 'ダンス', '💃'),
  e('(:/)', 'komanechi', 'Rock!', 'コマネチ', '🤘'),
  e('(gogo)', 'gogo', 'Raised fist', undefined, '✊'),
  e('(think)', 'think', 'Thinking face', undefined, '🤔'),
  e('(please)', 'please', 'Please', undefined, '🙏'),
  e('(quick)', 'quick', 'Hurrying face', undefined, '🏃'),
  e('(anger)', 'anger', 'Angry face', undefined, '😠'),
  e('(devil)', 'devil', 'Devil', '悪魔', '👿'),
  e('(lightbulb)', 'lightbulb', 'Lightbulb', undefined, '💡'),
  e('(*)', 'star', 'Star', '星', '⭐'),
  e('(h)', 'heart', 'Heart', 'ハート', '💝'),
  e('(F)', 'flower', 'Flower', '花', '🌸'),
  e('(cracker)', 'cracker', 'Firecracker', 'クラッカー', '🎉'),
  e('(eat)', 'eat', 'Food', undefined, '🍽️'),
  e('(^)', 'cake', 'Cake', 'ケーキ', '🍰'),
  e('(coffee)', 'coffee', 'Coffee', 'コーヒー', '☕'),
  e('(beer)', 'beer', 'Beer', 'ビール', '🍺'),
  e('(handshake)', 'handshake', 'Handshake', '握手', '🤝'),
  e('(y)', 'yes', 'Yes', 'はい', '👍'),
];

const byCode = new Map(EMOTICONS.map((emo) => [emo.code, emo]));

// Candidates per first character, longest first, so `]:)` wins over `:)` and `(^^;)` over `(^)`.
const byFirstChar = new Map<number, EmoticonInfo[]>();
for (const emo of EMOTICONS) {
  const first = emo.code.charCodeAt(0);
  const list = byFirstChar.get(first) ?? [];
  list.push(emo);
  byFirstChar.set(first, list);
}
for (const list of byFirstChar.values()) list.sort((a, b) => b.code.length - a.code.length);

export function emoticonByCode(code: string): EmoticonInfo | undefined {
  return byCode.get(code);
}

// Every code starts with an ASCII character; this table is the cheap per-character pre-check.
const startsSome = new Uint8Array(128);
for (const first of byFirstChar.keys()) startsSome[first] = 1;

/** The longest emoticon starting exactly at `index` (case-sensitive), if any. */
export function matchEmoticonAt(text: string, index: number): EmoticonInfo | undefined {
  const first = text.charCodeAt(index);
  if (!(first < 128 && startsSome[first] === 1)) return undefined;
  const candidates = byFirstChar.get(first);
  if (candidates === undefined) return undefined;
  for (const emo of candidates) {
    if (text.startsWith(emo.code, index)) return emo;
  }
  return undefined;
}

export function emoticonAssetUrl(name: string): string {
  return `https://assets.chatwork.com/images/emoticon2x/emo_${encodeURIComponent(name)}.gif`;
}
