/** How often the Messaging page asks again, milliseconds: a replayed letter is seen delivered soon after. */
export const MESSAGING_REFRESH_MS = 3_000;
