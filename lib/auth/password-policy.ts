// Kept apart from validation.ts: the sign-up form (a client component) shows the minimum, and
// importing it from there would ship zod to the browser (about 30 kB gzipped).
export const PASSWORD_MIN_LENGTH = 10;
