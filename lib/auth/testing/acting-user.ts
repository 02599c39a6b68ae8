// Integration tests call server actions and route handlers directly, outside any HTTP request, so
// no session cookie exists. They replace Auth.js's `auth()` (which decodes the cookie) with this
// one; everything after it (the account and session-version check in getCurrentUser) runs for real.

let acting: { id: string; sessionVersion: number } | null = null;

export function actAs(user: { id: string } | null, sessionVersion = 0): void {
  acting = user ? { id: user.id, sessionVersion } : null;
}

export async function fakeAuth() {
  return acting ? { user: { id: acting.id }, sessionVersion: acting.sessionVersion, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
}
