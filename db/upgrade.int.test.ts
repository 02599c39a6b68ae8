import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "./open";
import { databaseAt, type UpgradeDatabase } from "./testing/upgrade-database";

// A database written before reasons and notes were sealed and photos re-encoded, opened by the
// current app: the upgrade must leave no reason or note in clear anywhere a query can reach, and no
// photo as it was uploaded (EXIF and GPS included), while the bookings themselves survive it.

const rows = async <T,>(db: OpenedDatabase, query: SQL) => ((await db.db.execute(query)) as unknown as { rows: T[] }).rows;

let upgrade: UpgradeDatabase;
let after: OpenedDatabase;
const ids = { declined: "", cancelled: "", proposed: "" };

beforeAll(async () => {
  upgrade = await databaseAt("0012_booking_cancellation_window");
  const { before } = upgrade;
  const [patient] = await rows<{ id: string }>(before, sql`insert into users (email, name, role, password_hash) values ('old@example.com', 'Old Patient', 'patient', 'x') returning id`);
  const [provider] = await rows<{ id: string }>(
    before,
    sql`insert into providers (slug, name, credentials, specialty, consult_fee_cents) values ('dr-old', 'Dr. Old', 'MD', 'Neurology', 20000) returning id`,
  );
  const booking = async (hour: number, status: string, notes: SQL) => {
    const start = `2026-12-03T${String(hour).padStart(2, "0")}:00:00Z`;
    const end = `2026-12-03T${String(hour).padStart(2, "0")}:30:00Z`;
    const [row] = await rows<{ id: string }>(
      before,
      sql`insert into bookings (provider_id, patient_id, location_name, location_address, time_zone, type_name, fee_cents, cancellation_window_hours,
            starts_at, ends_at, blocked_until, status, intake_ciphertext, decline_reason, cancelled_by, cancel_reason, proposed_starts_at, proposal_note)
          values (${provider!.id}, ${patient!.id}, 'Clinic', '1 Test St, New York, NY 10016', 'America/New_York', 'Initial consultation', 20000, 24,
            ${start}, ${end}, ${end}, ${status}, 'v1.sealed', ${notes}) returning id`,
    );
    return row!.id;
  };
  ids.declined = await booking(14, "declined", sql`'PLAINTEXT-DECLINE migraine', null, null, null, null`);
  ids.cancelled = await booking(15, "cancelled", sql`null, 'patient', 'PLAINTEXT-CANCEL my dystonia', null, null`);
  ids.proposed = await booking(16, "requested", sql`null, null, null, '2026-12-04T15:00:00Z', 'PLAINTEXT-PROPOSAL bring your diary'`);
  const declinedBody = "Dr. Old declined your request for Dec 3, 2026, 9:00 AM EST.\n\nTheir note: PLAINTEXT-DECLINE migraine\n\nsecond line\n\nYour bookings: http://localhost:3000/patient\n";
  await before.db.execute(sql`insert into email_outbox (to_address, subject, body_text, kind, booking_id) values
    ('old@example.com', 'Dr. Old could not take your request', ${declinedBody}, 'declined', ${ids.declined}),
    ('old@example.com', 'Confirmed', 'Unchanged.\n\nYour bookings: http://localhost:3000/patient\n', 'confirmed', ${ids.proposed})`);
  const [photo] = await rows<{ id: string }>(
    before,
    sql`insert into provider_photos (provider_id, content_type, bytes) values (${provider!.id}, 'image/jpeg', ${Buffer.from("\xff\xd8 Exif CanaryCam GPS", "latin1")}) returning id`,
  );
  await before.db.execute(sql`update providers set photo_url = ${`/api/photos/${photo!.id}`} where id = ${provider!.id}`);
  after = await upgrade.upgrade();
});

afterAll(async () => {
  await upgrade?.dispose();
});

describe("upgrading a database with plaintext reasons and notes", () => {
  it("leaves none of them in any column of bookings or in any email", async () => {
    const [found] = await rows<{ n: number }>(
      after,
      sql`select (select count(*) from bookings b where b::text like '%PLAINTEXT%')::int + (select count(*) from email_outbox e where e::text like '%PLAINTEXT%')::int as n`,
    );
    expect(found!.n).toBe(0);
    const columns = await rows<{ column_name: string }>(
      after,
      sql`select column_name from information_schema.columns where table_name = 'bookings' and column_name in ('decline_reason', 'cancel_reason', 'proposal_note')`,
    );
    expect(columns).toEqual([]);
  });

  it("keeps the bookings, who cancelled and the proposed time, with no sealed note", async () => {
    const kept = await rows<{ id: string; status: string; cancelled_by: string | null; proposed: boolean; sealed: number }>(
      after,
      sql`select id, status, cancelled_by, proposed_starts_at is not null as proposed,
            num_nonnulls(decline_reason_ciphertext, cancel_reason_ciphertext, proposal_note_ciphertext) as sealed
          from bookings order by starts_at`,
    );
    expect(kept).toEqual([
      { id: ids.declined, status: "declined", cancelled_by: null, proposed: false, sealed: 0 },
      { id: ids.cancelled, status: "cancelled", cancelled_by: "patient", proposed: false, sealed: 0 },
      { id: ids.proposed, status: "requested", cancelled_by: null, proposed: true, sealed: 0 },
    ]);
  });

  it("keeps the rest of each email", async () => {
    const emails = await rows<{ kind: string; body_text: string }>(after, sql`select kind, body_text from email_outbox order by kind`);
    expect(emails).toEqual([
      { kind: "confirmed", body_text: "Unchanged.\n\nYour bookings: http://localhost:3000/patient\n" },
      { kind: "declined", body_text: "Dr. Old declined your request for Dec 3, 2026, 9:00 AM EST.\n\nYour bookings: http://localhost:3000/patient\n" },
    ]);
  });

  it("removes photos stored as they were uploaded, and the listings that showed them fall back to initials", async () => {
    expect(await rows(after, sql`select id from provider_photos`)).toEqual([]);
    expect(await rows(after, sql`select photo_url from providers`)).toEqual([{ photo_url: null }]);
  });

  it("counts the accounts made before sign-up asked for a confirmed address as confirmed, so they can still book", async () => {
    const accounts = await rows<{ email: string; verified: boolean }>(after, sql`select email, email_verified_at = created_at as verified from users`);
    expect(accounts).toEqual([{ email: "old@example.com", verified: true }]);
  });
});
