/**
 * The application is put together wrong, found at start-up (a handler bound to a module this
 * process has no database for, two subscribers sharing an inbox identity…). Its message is one line
 * that says what and where; `main` prints just that line and exits.
 */
export class WiringError extends Error {
  override name = 'WiringError';
}
