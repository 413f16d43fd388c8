/** AppError: what services throw; the one error handler turns it into the one error body. */
import { errorStatusByCode, type ErrorCode } from '@kindred/common/errors';

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = errorStatusByCode[code];
  }
}

export const notFound = (message = 'We could not find that.') => new AppError('not_found', message);
export const forbidden = (message = 'You do not have permission to do that.') => new AppError('forbidden', message);
export const unauthenticated = (message = 'Please sign in to continue.') => new AppError('unauthenticated', message);
export const conflict = (message: string) => new AppError('conflict', message);
/** An input problem tied to one field, shown next to it in the form. */
export const invalidField = (path: string, message: string) =>
  new AppError('invalid_input', message, { issues: [{ path, message }] });
