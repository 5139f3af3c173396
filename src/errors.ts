// src/errors.ts
// Typed errors: every failure the user can meet has a stable code and a one-line message.

export type ErrorCode =
  | 'E_INPUT'
  | 'E_NOT_HTML'
  | 'E_EMPTY'
  | 'E_NO_ARTICLE'
  | 'E_HTTP_STATUS'
  | 'E_FETCH'
  | 'E_TIMEOUT'
  | 'E_TOO_LARGE'
  | 'E_REDIRECT'
  | 'E_DECODE'
  /** A WARC file, or part of one, that cannot be read: truncated, corrupt, or not a WARC at all. */
  | 'E_WARC'
  /** The result could not be written (stdout closed or full, a file under -o DIR refused). */
  | 'E_OUTPUT'
  /** Batch only: the worker thread cleaning the page crashed or ran out of memory. */
  | 'E_WORKER'
  | 'E_INTERNAL';

/** Every code, for the help text and its test. */
export const ERROR_CODES: readonly ErrorCode[] = [
  'E_INPUT',
  'E_NOT_HTML',
  'E_EMPTY',
  'E_NO_ARTICLE',
  'E_HTTP_STATUS',
  'E_FETCH',
  'E_TIMEOUT',
  'E_TOO_LARGE',
  'E_REDIRECT',
  'E_DECODE',
  'E_WARC',
  'E_OUTPUT',
  'E_WORKER',
  'E_INTERNAL',
];

export class CleanError extends Error {
  readonly code: ErrorCode;
  /** The input as the user gave it, when known. */
  readonly input: string | undefined;

  constructor(code: ErrorCode, message: string, input?: string) {
    super(message);
    this.name = 'CleanError';
    this.code = code;
    this.input = input;
  }

  /** The same error, tagged with the input it happened on. */
  withInput(input: string): CleanError {
    return this.input === undefined ? new CleanError(this.code, this.message, input) : this;
  }
}

export function isCleanError(value: unknown): value is CleanError {
  return value instanceof CleanError;
}

/** Any thrown value as a CleanError; unknown failures become E_INTERNAL, never a stack trace. */
export function toCleanError(value: unknown, input?: string): CleanError {
  if (value instanceof CleanError) return input === undefined ? value : value.withInput(input);
  const message = value instanceof Error ? value.message : String(value);
  return new CleanError('E_INTERNAL', message.split('\n')[0] ?? 'unknown error', input);
}

/** The one line the CLI prints on stderr. */
export function formatError(error: CleanError): string {
  const where = error.input === undefined ? '' : ` (${oneLine(error.input)})`;
  return `clean-article: ${error.code}: ${oneLine(error.message)}${where}`;
}

/** A file name or message may hold line breaks; escaped, they cannot split the error line. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n');
}
