/** A mistake the user can fix: printed as one sentence, never with a stack. */
export class UserError extends Error {
  readonly code: string;
  /** Process exit code the CLI uses: 1 runtime failure, 2 usage error (3 for check commands). */
  readonly exitCode: number;

  constructor(code: string, message: string, exitCode = 1) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Bad arguments or input shape: exit 2 like commander's own usage errors. */
export class UsageError extends UserError {
  constructor(code: string, message: string) {
    super(code, message, 2);
    this.name = "UsageError";
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
