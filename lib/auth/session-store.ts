import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { executeRows, getDb, type Database } from "@/db/client";
import { authSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Role } from "./accounts";

// Server-side sessions. Auth.js keeps a JWT in the cookie (credentials sign-in allows no other
// strategy) and cannot give each role its own lifetime, so the cookie lives 30 days and the row
// decides. Providers and admins read health data, so theirs end 30 minutes after the last request
// and 12 hours after sign-in whatever happens; patients' roll on for 30 days after each visit.
// The rules live in the SQL below, evaluated against the user's role at the time of the request.

/** A session seen again within this many seconds keeps its last_seen_at: at most one write a minute. */
const TOUCH_INTERVAL_SECONDS = 60;

const STAFF_IDLE = sql.raw(`interval '30 minutes'`);
const STAFF_LIFETIME = sql.raw(`interval '12 hours'`);
const PATIENT_ROLLING = sql.raw(`interval '30 days'`);
const TOUCH_INTERVAL = sql.raw(`interval '${TOUCH_INTERVAL_SECONDS} seconds'`);

/** `mustChangePassword`: signed in with a one-time password, so only choosing a new one is open. */
export type SessionUser = { id: string; email: string; name: string; role: Role; mustChangePassword: boolean };

type Writer = Pick<Database, "update">;

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/**
 * The database key of a session token. A hash rather than the token itself: reading the table is
 * not enough to sign in as anyone, even with AUTH_SECRET in hand.
 */
export function sessionKey(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * Opens a session for `userId` and returns its token, which only the sealed cookie carries. The
 * user's own ended sessions are cleared in the same statement, so the table holds about one row
 * per signed-in browser however often people sign in.
 */
export async function startSession(userId: string, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await executeRows(sql`
    with cleared as (
      delete from auth_sessions
      where user_id = ${userId} and (revoked_at is not null or expires_at <= ${at(now)} or last_seen_at <= ${at(now)} - ${PATIENT_ROLLING})
    )
    insert into auth_sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
    select ${sessionKey(token)}, u.id, ${at(now)}, ${at(now)},
      ${at(now)} + case when u.role = 'patient' then ${PATIENT_ROLLING} else ${STAFF_LIFETIME} end
    from users u where u.id = ${userId}`);
  return token;
}

/**
 * The active account behind a live session, or null; one statement, which also moves the
 * session's last_seen_at (and a patient's rolling expiry) when it is more than a minute old. A
 * data-modifying WITH runs whether or not the outer query reads it.
 */
export async function findSessionUser(key: string, now: Date = new Date()): Promise<SessionUser | null> {
  const [row] = await executeRows<SessionUser>(sql`
    with live as (
      select s.token_hash, s.last_seen_at, u.id, u.email, u.name, u.role, u.must_change_password
      from auth_sessions s
      join users u on u.id = s.user_id
      where s.token_hash = ${key} and s.revoked_at is null and u.status = 'active' and s.expires_at > ${at(now)}
        and (u.role = 'patient' or s.last_seen_at > ${at(now)} - ${STAFF_IDLE})
    ), touched as (
      update auth_sessions s
      set last_seen_at = ${at(now)},
        expires_at = case when live.role = 'patient' then ${at(now)} + ${PATIENT_ROLLING} else s.expires_at end
      from live
      where s.token_hash = live.token_hash and live.last_seen_at <= ${at(now)} - ${TOUCH_INTERVAL}
    )
    select id, email, name, role, must_change_password as "mustChangePassword" from live`);
  return row ?? null;
}

/** Ends one session (sign-out). Ending one that has already ended changes nothing. */
export async function revokeSession(key: string, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.tokenHash, key), isNull(authSessions.revokedAt)));
}

/**
 * Ends every session of `userId`: "sign out of all devices", an admin disabling the account, a
 * role change. Pass the transaction that makes the change, so both commit together. Returns how
 * many were still open.
 */
export async function revokeUserSessions(writer: Writer, userId: string, now: Date = new Date()): Promise<number> {
  const ended = await writer
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ key: authSessions.tokenHash });
  return ended.length;
}

/** Ends every session of `userId` except the one with `keepKey` (the browser making a change). */
export async function revokeOtherSessions(writer: Writer, userId: string, keepKey: string | null, now: Date = new Date()): Promise<number> {
  const ended = await writer
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), keepKey ? ne(authSessions.tokenHash, keepKey) : undefined))
    .returning({ key: authSessions.tokenHash });
  return ended.length;
}

/** "Sign out of all devices": ends every session of the signed-in user, this one included; audited. */
export async function endOwnSessions(user: SessionUser, now: Date = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ended = await revokeUserSessions(tx, user.id, now);
    await recordAudit(tx, { actorId: user.id, action: "account.signed_out_everywhere", subjectType: "user", subjectId: user.id, details: { sessions: ended } });
    return ended;
  });
}
