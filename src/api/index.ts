// The API layer's public surface: the client, its error type and the response/parameter types.

export {
  ChatworkClient,
  type ChatworkClientOptions,
  type GetFileOptions,
  type GetFilesOptions,
  type GetMessagesOptions,
  type PostMessageOptions,
  type RequestOptions,
} from './chatworkClient';
export type { DownloadedFile } from './download';
export { ChatworkApiError, isChatworkApiError, type ChatworkApiErrorKind } from './errors';
export type { RateLimitListener } from './rateLimit';
export { MAX_BODY_LENGTH, MAX_ROOM_NAME_LENGTH, MAX_UPLOAD_BYTES } from './validate';
export * from './types';
