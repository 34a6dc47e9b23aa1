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

export function emoticonByCode(code: string): EmoticonInfo | undefined {
  return byCode.get(code);
}

// A trie over the codes, so finding the longest code at a position reads each character once
// instead of trying every code that shares the first character (`(` starts 35 of them, and text
// like `((((` would otherwise cost 35 comparisons a character). Codes are ASCII, so a node's
// children are an array indexed by char code.
interface TrieNode {
  readonly next: (TrieNode | undefined)[];
  emoticon: EmoticonInfo | undefined;
}

const newNode = (): TrieNode => ({ next: new Array<TrieNode | undefined>(128).fill(undefined), emoticon: undefined });
const root = newNode();
for (const emo of EMOTICONS) {
  let node = root;
  for (let i = 0; i < emo.code.length; i++) {
    const c = emo.code.charCodeAt(i);
    node = node.next[c] ??= newNode();
  }
  node.emoticon = emo;
}

/** Whether some code starts with this character (every code starts with ASCII): the cheap pre-check. */
export const EMOTICON_START = new Uint8Array(128);
for (let c = 0; c < 128; c++) EMOTICON_START[c] = root.next[c] === undefined ? 0 : 1;

/**
 * The longest emoticon starting exactly at `index` and ending by `limit` (default: the end of
 * `text`), case-sensitive: `]:)` wins over `:)`, `(^^;)` over `(^)`.
 */
export function matchEmoticonAt(text: string, index: number, limit: number = text.length): EmoticonInfo | undefined {
  let node: TrieNode | undefined = root;
  let found: EmoticonInfo | undefined;
  for (let i = index; i < limit; i++) {
    node = node.next[text.charCodeAt(i)]; // undefined beyond ASCII (the array has 128 entries)
    if (node === undefined) break;
    if (node.emoticon !== undefined) found = node.emoticon;
  }
  return found;
}

export function emoticonAssetUrl(name: string): string {
  return `https://assets.chatwork.com/images/emoticon2x/emo_${encodeURIComponent(name)}.gif`;
}
