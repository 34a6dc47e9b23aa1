// Parameter checks run before any request, so a bad call costs no rate-limit budget and fails with
// the parameter's name instead of a generic 400. Limits are the RAML's.

import { ChatworkApiError, validationError } from './errors';

/** Uploads above this are refused by Chatwork; checked before the bytes are sent. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_BODY_LENGTH = 65535;
export const MAX_ROOM_NAME_LENGTH = 255;

const LINK_CODE = /^[A-Za-z0-9_-]{1,50}$/;
const DIGITS = /^[0-9]+$/;

/** Room, account, task, file and request ids are positive integers. */
export function checkId(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw validationError(parameter, 'expected a positive integer id');
  }
  return value;
}

export function checkOptionalId(parameter: string, value: unknown): void {
  if (value !== undefined) {
    checkId(parameter, value);
  }
}

/**
 * Message ids are strings of up to 19 digits: they exceed Number.MAX_SAFE_INTEGER, so a number here
 * would already have lost digits.
 */
export function checkMessageId(parameter: string, value: unknown): string {
  if (typeof value !== 'string' || !DIGITS.test(value)) {
    throw validationError(parameter, 'expected a message id (a string of digits)');
  }
  return value;
}

export function checkIdList(parameter: string, value: unknown, options: { min: number }): void {
  if (!Array.isArray(value)) {
    throw validationError(parameter, 'expected a list of account ids');
  }
  if (value.length < options.min) {
    throw validationError(parameter, `expected at least ${options.min} account id`);
  }
  value.forEach((id) => checkId(parameter, id));
}

export function checkOptionalIdList(parameter: string, value: unknown): void {
  if (value !== undefined) {
    checkIdList(parameter, value, { min: 0 });
  }
}

/**
 * Length is counted in UTF-16 units, which is never less than the character count, so a text that
 * passes here is within the server's limit however it counts.
 */
export function checkText(parameter: string, value: unknown, options: { min: number; max: number }): string {
  if (typeof value !== 'string') {
    throw validationError(parameter, 'expected text');
  }
  if (value.length < options.min) {
    throw validationError(parameter, 'must not be empty');
  }
  if (value.length > options.max) {
    throw validationError(parameter, `must be at most ${options.max} characters (got ${value.length})`);
  }
  return value;
}

export function checkOptionalText(parameter: string, value: unknown, options: { min: number; max: number }): void {
  if (value !== undefined) {
    checkText(parameter, value, options);
  }
}

export function checkOneOf<T extends string>(parameter: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw validationError(parameter, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function checkOptionalOneOf<T extends string>(parameter: string, value: unknown, allowed: readonly T[]): void {
  if (value !== undefined) {
    checkOneOf(parameter, value, allowed);
  }
}

export function checkOptionalBoolean(parameter: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw validationError(parameter, 'expected true or false');
  }
}

/** Unix seconds. */
export function checkOptionalUnixTime(parameter: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)) {
    throw validationError(parameter, 'expected a Unix time in seconds');
  }
}

/** Whether an invitation link code is one Chatwork accepts (for input boxes, before any request). */
export function isValidLinkCode(value: string): boolean {
  return LINK_CODE.test(value);
}

export function checkOptionalLinkCode(parameter: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'string' || !LINK_CODE.test(value))) {
    throw validationError(parameter, 'expected 1-50 characters of A-Z, a-z, 0-9, _ or -');
  }
}

// RFC 6838 type/subtype characters; anything else (CR, LF, quotes) could break the multipart header.
const MEDIA_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/;

export function checkUpload(filename: unknown, data: unknown, contentType: unknown): void {
  if (typeof filename !== 'string' || filename.length === 0) {
    throw validationError('filename', 'must not be empty');
  }
  if (/[\\/]/.test(filename)) {
    throw validationError('filename', 'must be a bare file name without folders');
  }
  if (!(data instanceof Uint8Array)) {
    throw validationError('file', 'expected the file content as bytes');
  }
  if (data.byteLength > MAX_UPLOAD_BYTES) {
    throw validationError('file', `must be at most 5 MB (got ${data.byteLength} bytes)`);
  }
  if (contentType !== undefined && (typeof contentType !== 'string' || !MEDIA_TYPE.test(contentType))) {
    throw validationError('contentType', 'expected a media type such as image/png');
  }
}

/** Only http(s) URLs can be downloaded; anything else would not be a Chatwork download link. */
/**
 * The API base URL: https, or plain http only to this machine (the emulator). Any other http base
 * would carry the token in clear, so it is refused here — every request's URL is built through this
 * — before anything is sent.
 */
export function checkApiBaseUrl(value: unknown): URL {
  const url = checkHttpUrl('baseUrl', value);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ChatworkApiError(
      `Refusing to send the Chatwork token over plain http to ${url.host}: chatwork.apiBaseUrl must use https:// (http:// is allowed only for localhost, 127.0.0.0/8 and ::1).`,
      { kind: 'validation', parameter: 'baseUrl' },
    );
  }
  return url;
}

/** localhost, 127.0.0.0/8 or ::1 — as the URL parser normalised it (so 0x7f.1 is 127.0.0.1). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

export function checkHttpUrl(parameter: string, value: unknown): URL {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw validationError(parameter, 'expected an http(s) URL');
  }
  return url;
}
