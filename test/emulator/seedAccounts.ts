// Seeded people and their tokens. Ids are fixed; tokens are 32 hex digits derived from the key
// (stable across runs, shaped like real API tokens).
import { createHash } from 'crypto';
import type { AccountRecord } from './model';

export const SEED_IDS = { me: 1001, alice: 1002, bob: 1003, chen: 1004, dana: 1005, eiko: 1006 } as const;
export type SeedKey = keyof typeof SEED_IDS;

export const SEED_ROOMS = {
  /** Taro's My Chat. */
  myChat: 10001,
  directAlice: 10002,
  directBob: 10003,
  directChen: 10004,
  /** Group, me admin, sticky, invitation link; every notation tag; tasks; files (incl. 100 MB). */
  phoenix: 10010,
  /** Group, me member; unread mentions and a task for me. */
  design: 10011,
  /** Group, me readonly; [toall] announcements. */
  news: 10012,
  /** Group, me member; 130 messages (more than one page of 100). */
  random: 10013,
} as const;

/** Where the id generators start (seeded tasks and files take the first ids; seeded rooms have fixed ids below 10100). */
export const FIRST_IDS = { room: 10100, task: 5001, file: 7001, request: 9001 };

export const seedToken = (key: string): string => createHash('md5').update(`chatwork-emulator:${key}`).digest('hex');

const SAKURA = { organization_id: 501, organization_name: 'Sakura Systems Inc.' };

function account(id: number, fields: Partial<AccountRecord> & Pick<AccountRecord, 'name' | 'chatwork_id'>): AccountRecord {
  const { name, chatwork_id, ...rest } = fields;
  return {
    account_id: id, name, chatwork_id, organization_id: 0, organization_name: '', department: '', title: '', url: '', introduction: '',
    mail: '', tel_organization: '', tel_extension: '', tel_mobile: '', skype: '', facebook: '', twitter: '',
    avatar_image_url: `https://appdata.chatwork.com/avatar/${id}/${id}.rsz.png`, login_mail: '', ...rest,
  };
}

export const SEED_ACCOUNTS: Record<SeedKey, AccountRecord> = {
  me: account(SEED_IDS.me, {
    name: 'Taro Yamada', chatwork_id: 'taro_yamada', ...SAKURA, department: 'Engineering', title: 'Software Engineer',
    url: 'https://sakura-systems.example.com', introduction: 'VS Code から Chatwork を使っています。', mail: 'taro.yamada@sakura-systems.example.com',
    tel_organization: '03-1234-5678', tel_extension: '1001', tel_mobile: '090-1234-5678', twitter: 'taro_yamada_dev',
    login_mail: 'taro.yamada@sakura-systems.example.com',
  }),
  alice: account(SEED_IDS.alice, {
    name: 'Alice Tanaka', chatwork_id: 'alice_tanaka', ...SAKURA, department: 'Product', title: 'Product Manager',
    mail: 'alice.tanaka@sakura-systems.example.com', login_mail: 'alice.tanaka@sakura-systems.example.com',
  }),
  bob: account(SEED_IDS.bob, {
    name: 'Bob Suzuki', chatwork_id: 'bob_suzuki', ...SAKURA, department: 'QA', title: 'QA Engineer',
    login_mail: 'bob.suzuki@sakura-systems.example.com',
  }),
  chen: account(SEED_IDS.chen, {
    name: 'Chen Wei', chatwork_id: 'chen_wei', organization_id: 502, organization_name: 'Wei Tech Co.', department: 'Backend',
    login_mail: 'chen.wei@weitech.example.com',
  }),
  dana: account(SEED_IDS.dana, {
    name: 'Dana Nguyen', chatwork_id: 'dana_nguyen', avatar_image_url: 'https://appdata.chatwork.com/avatar/ico_default_green.png',
    login_mail: 'dana.nguyen@example.net',
  }),
  eiko: account(SEED_IDS.eiko, {
    name: '木村 英子', chatwork_id: 'eiko_kimura', ...SAKURA, department: '総務部', title: '部長',
    login_mail: 'eiko.kimura@sakura-systems.example.com',
  }),
};
