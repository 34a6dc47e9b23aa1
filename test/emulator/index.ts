// A local emulator of api.chatwork.com/v2 for tests and demos: real HTTP on 127.0.0.1, seeded
// data, the API's diff/read/rate-limit semantics, fault injection and a control API.
//   const emu = await startEmulator();   // emu.url = "http://127.0.0.1:PORT/v2", emu.token = demo token
export type { Emulator, EmulatorOptions, Fault, FaultKind, RequestLogEntry, SeedFile } from './contract';
export type { FileContent } from './model';
export type { StateSnapshot } from './snapshot';
export { startEmulator } from './emulator';
export { EmulatorState } from './state';
export { FIRST_IDS, SEED_IDS, SEED_ROOMS } from './seed';
export { BIG_FILE_SIZE, bigFileByte, EMOTICONS } from './seedHistory';
