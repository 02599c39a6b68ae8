import { describe, expect, it } from "vitest";
import type { ProviderCard } from "@/lib/search/types";
import { providerCardView } from "./provider-card-view";

const chen: ProviderCard = {
  slug: "dr-maya-chen-md-new-york",
  name: "Dr. Maya Chen",
  credentials: "MD",
  specialty: "Neurology",
  photoUrl: null,
  distanceMi: 0.44,
  city: "New York",
  state: "NY",
  conditions: ["chronic-migraine", "neck-shoulder-pain"],
  consultFeeCents: 20000,
  insurance: ["aetna", "cigna"],
  selfPay: true,
  telehealth: false,
  instantBooking: true,
  verified: true,
  rating: { average: null, count: 0 },
  nextAvailable: null,
};
const names = {
  conditions: new Map([
    ["chronic-migraine", "Chronic migraine"],
    ["neck-shoulder-pain", "Neck and shoulder pain"],
  ]),
  carriers: new Map([
    ["aetna", "Aetna"],
    ["cigna", "Cigna"],
  ]),
};

describe("providerCardView", () => {
  it("puts a search result in the words its card shows", () => {
    expect(providerCardView({ ...chen, rating: { average: 4.56, count: 5 } }, names).rating).toEqual({ average: "4.6", count: 5 });
    expect(providerCardView(chen, names, "2026-12-03T14:00:00.000Z")).toEqual({
      slug: "dr-maya-chen-md-new-york",
      name: "Dr. Maya Chen",
      credentials: "MD",
      specialty: "Neurology",
      photoUrl: null,
      distance: "0.4 mi",
      place: "New York, NY",
      telehealth: false,
      instantBooking: true,
      treats: "Chronic migraine · Neck and shoulder pain",
      fee: "$200",
      payment: "Aetna, Cigna · Self-pay",
      rating: null,
      nextAvailable: "2026-12-03T14:00:00.000Z",
    });
  });

  it("says how to pay when no carrier is listed, and leaves out what a search without a place has not", () => {
    const selfPayOnly = providerCardView({ ...chen, insurance: [], distanceMi: null }, names, null);
    expect(selfPayOnly).toMatchObject({ payment: "Self-pay only", distance: null, nextAvailable: null });
    expect(providerCardView({ ...chen, insurance: [], selfPay: false }, names).payment).toBe("Ask about payment");
  });

  it("keeps the next opening out when it was not looked up, and shows an unknown slug as it is", () => {
    const view = providerCardView({ ...chen, conditions: ["new-condition"], insurance: ["new-carrier"], selfPay: false }, names);
    expect("nextAvailable" in view).toBe(false);
    expect(view).toMatchObject({ treats: "new-condition", payment: "new-carrier" });
    expect(providerCardView({ ...chen, conditions: [] }, names).treats).toBeNull();
  });
});
