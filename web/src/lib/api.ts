/** The one way the web app talks to the Kindred API: JSON in, JSON out, one error type. */
import type { ErrorCode, FieldIssue } from '@kindred/common/errors';

/** The API's error codes, plus `network` when the server could not be reached at all. */
export type ApiErrorCode = ErrorCode | 'network';

const fallbackMessages: Partial<Record<ApiErrorCode, string>> = {
  network: 'We could not reach Kindred. Please check your connection and try again.',
  internal: 'Something went wrong on our side. Please try again in a moment.',
  unavailable: 'Kindred is not available right now. Please try again in a moment.',
  rate_limited: 'There have been too many tries. Please wait a little and try again.',
};

/** An error answered by the API (or a failure to reach it). `message` is always safe to show. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  /** Problems with single fields, by dotted path ("handle", "languages.0"). */
  readonly issues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(options: {
    code: ApiErrorCode;
    status: number;
    message: string;
    issues?: FieldIssue[];
    retryAfterSeconds?: number | undefined;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.issues = options.issues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Any thrown value as an ApiError, so a page always has a message it can show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ code: 'internal', status: 0, message: fallbackMessages.internal! });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readIssues(details: unknown): FieldIssue[] {
  if (!isRecord(details) || !Array.isArray(details.issues)) return [];
  return details.issues.flatMap((issue: unknown) =>
    isRecord(issue) && typeof issue.path === 'string' && typeof issue.message === 'string'
      ? [{ path: issue.path, message: issue.message }]
      : [],
  );
}

function errorFromResponse(status: number, payload: unknown): ApiError {
  const body = isRecord(payload) && isRecord(payload.error) ? payload.error : undefined;
  const code = (
    typeof body?.code === 'string' ? body.code : status >= 500 ? 'internal' : 'invalid_input'
  ) as ApiErrorCode;
  const details = body?.details;
  const retryAfter =
    isRecord(details) && typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined;
  const message =
    typeof body?.message === 'string' && body.message !== ''
      ? body.message
      : (fallbackMessages[code] ?? fallbackMessages.internal!);
  return new ApiError({ code, status, message, issues: readIssues(details), retryAfterSeconds: retryAfter });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends one request to the API and returns its JSON body (undefined for 204). Throws ApiError. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ code: 'network', status: 0, message: fallbackMessages.network! });
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromResponse(response.status, payload);
  return payload as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => apiRequest<T>('DELETE', path, body),
};
