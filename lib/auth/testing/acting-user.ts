import { sessionKey, startSession } from "../session-store";

// Integration tests call server actions and route handlers directly, outside any HTTP request, so
// no session cookie exists. They replace Auth.js's `auth()` (which decodes the cookie) with this
// one; everything after it (the session row and account check in getCurrentUser) runs for real.

let acting: { id: string; key: string } | null = null;

/**
 * Acts as `user` (null: anonymous) in a session of its own, opened here rather than on the first
 * call, so a test that counts what a call writes does not count the session row.
 */
export async function actAs(user: { id: string } | null): Promise<void> {
  acting = user ? { id: user.id, key: sessionKey(await startSession(user.id)) } : null;
}

export async function fakeAuth() {
  return acting ? { user: { id: acting.id }, sessionKey: acting.key, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
}
