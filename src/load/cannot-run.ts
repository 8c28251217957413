/**
 * The command could not run at all (exit code 2): no project, unreadable folder, no browser.
 * Carries what to do about it, as every user-facing error should.
 */
export class CannotRunError extends Error {
  override readonly name = 'CannotRunError'
  constructor(
    message: string,
    readonly hint?: string
  ) {
    super(message)
  }
}
