/** Sign-in throttling, shared by the server and the sign-in form's message. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
