/** The one error handler: every failure becomes `{ error: { code, message, details? } }`. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorStatusByCode, type ErrorBody, type ErrorCode, type FieldIssue } from '@kindred/common/errors';
import { AppError } from './errors.ts';

const codeByStatus = new Map<number, ErrorCode>(
  Object.entries(errorStatusByCode).map(([code, status]) => [status, code as ErrorCode]),
);

/** Messages for what Fastify itself refuses, worded for a person. */
const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request body as JSON (Content-Type: application/json).',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; send a JSON object.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The request body does not match its Content-Length.',
  FST_ERR_BAD_URL: 'That address is not valid.',
};

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? 'This value is not valid.',
      }));
      const message =
        issues.length === 1 && issues[0]!.path === '' ? issues[0]!.message : 'Some fields need your attention.';
      return reply.status(400).send(errorBody('invalid_input', message, { issues }));
    }
    const statusCode = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (statusCode >= 400 && statusCode < 500 && !isResponseSerializationError(error)) {
      const code = codeByStatus.get(statusCode) ?? 'invalid_input';
      const fastifyCode = 'code' in error && typeof error.code === 'string' ? error.code : '';
      const message =
        fastifyMessages[fastifyCode] ?? (statusCode === 400 ? 'The request is not valid.' : 'The request was refused.');
      return reply.status(codeByStatus.has(statusCode) ? statusCode : 400).send(errorBody(code, message));
    }
    request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    return reply
      .status(500)
      .send(errorBody('internal', `Something went wrong on our side. Please try again. (Reference: ${request.id})`));
  });
}
