// An API failure: becomes `{"errors":[message]}` with the given status.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, `${what} not found`);
export const forbidden = (message: string): ApiError => new ApiError(403, message);
export const badRequest = (message: string): ApiError => new ApiError(400, message);

export const INVALID_ENDPOINT = 'Invalid Endpoint or HTTP method';
export const INVALID_TOKEN = 'Invalid API Token';
export const RATE_LIMITED = 'Rate limit exceeded.';
export const ROOM_POST_LIMITED = 'Rate limit for message posting per room exceeded.';
export const NO_SEND_PERMISSION = "You don't have permission to send/edit message.";
