import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getProfile } from "@/app/api/providers/[slug]/route";
import { GET as searchApi } from "@/app/api/providers/route";
import { createProvider, npiLicense, seedReferenceData, stateLicense } from "@/db/testing/fixtures";

const call = (query: string) => searchApi(new NextRequest(`http://localhost/api/providers${query}`));
const profile = (slug: string) => getProfile(new Request(`http://localhost/api/providers/${slug}`), { params: Promise.resolve({ slug }) });

let listed: { slug: string };
let pending: { slug: string };

beforeAll(async () => {
  await seedReferenceData();
  listed = await createProvider({ name: "Dr. Api Listed", carriers: ["aetna"], provider: { telehealth: true, gender: "female" } });
  pending = await createProvider({ name: "Dr. Api Pending", licenses: [npiLicense({ status: "pending", verifiedAt: null }), stateLicense("NY")] });
});

describe("GET /api/providers", () => {
  it("answers the documented shape", async () => {
    const response = await call("?condition=chronic-migraine&near=10016");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/s-maxage/);
    const body = await response.json();
    expect(body).toEqual({
      results: [
        {
          slug: listed.slug,
          name: "Dr. Api Listed",
          credentials: "MD",
          specialty: "Neurology",
          photoUrl: null,
          distanceMi: 0,
          city: "New York",
          state: "NY",
          conditions: ["chronic-migraine"],
          consultFeeCents: 20_000,
          insurance: ["aetna"],
          selfPay: true,
          telehealth: true,
          instantBooking: false,
          verified: true,
          rating: { average: null, count: 0 },
          // The real clock: lib/search/soonest.int.test.ts checks the value itself with a frozen one.
          nextAvailable: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/),
        },
      ],
      page: 1,
      pageSize: 20,
      total: 1,
      totalIsCapped: false,
    });
  });

  it("filters by gender", async () => {
    const female = await (await call("?gender=female")).json();
    expect(female.results.map((r: { slug: string }) => r.slug)).toEqual([listed.slug]);
    expect((await (await call("?gender=male")).json()).total).toBe(0);
  });

  it.each([
    ["?condition=unknown", "condition"],
    ["?near=123", "near"],
    ["?near=Nowhere,%20QQ", "near"],
    ["?radiusMi=500", "radiusMi"],
    ["?page=abc", "page"],
    [`?near=${"9".repeat(5000)}`, "near"],
    ["?sort=distance", "sort"],
    ["?gender=other", "gender"],
    ["?gender=undisclosed", "gender"],
  ])("answers 400 with the field for %s", async (query, field) => {
    const response = await call(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.field).toBe(field);
    expect(body.error.message).toEqual(expect.any(String));
  });
});

describe("GET /api/providers/[slug]", () => {
  it("answers a listed provider's profile with locations and appointment types", async () => {
    const response = await profile(listed.slug);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ slug: listed.slug, name: "Dr. Api Listed", insurance: [{ slug: "aetna" }] });
    expect(body.locations).toEqual([expect.objectContaining({ id: expect.any(String), addressLine1: "1 Test St", city: "New York", state: "NY", zip: "10016", timeZone: "America/New_York" })]);
    expect(body.appointmentTypes).toEqual([
      expect.objectContaining({ id: expect.any(String), kind: "initial_consultation", minutes: 30, feeCents: 20_000, depositCents: 0 }),
    ]);
    expect(body.licenses.map((l: { kind: string }) => l.kind).sort()).toEqual(["npi", "state"]);
  });

  it("answers 404 for an unlisted or unknown provider", async () => {
    expect((await profile(pending.slug)).status).toBe(404);
    expect((await profile("no-such-provider")).status).toBe(404);
    expect((await profile("x".repeat(5000))).status).toBe(404);
  });
});
