// What keeps a listing out of search, in the provider's words. It mirrors the trust rule of
// lib/licensing/trust.ts (the query is what enforces it; this explains it), and an integration
// test holds the two together.

type LicenseKind = "npi" | "state" | "board";
type LicenseStatus = "pending" | "verified" | "rejected";

export type ChecklistInput = {
  listingStatus: "draft" | "published";
  suspendedAt: Date | null;
  suspensionReason: string | null;
  conditionCount: number;
  /** An unarchived initial consultation type: what patients book first, and the listing's price. */
  hasConsultation: boolean;
  locations: { name: string; city: string; state: string; hasHours: boolean }[];
  licenses: { kind: LicenseKind; state: string | null; status: LicenseStatus; expiresOn: string | null; rejectionReason: string | null }[];
  /** YYYY-MM-DD, as the trust rule compares it. */
  today: string;
  /** Whether the owner confirmed their email address; until then the listing cannot be published. */
  emailVerified: boolean;
};

export type Blocker = { code: string; message: string; href: string };

export type Checklist = {
  /** Appears in search and can be booked at one location at least. */
  listed: boolean;
  /** States whose locations are listed. */
  listedStates: string[];
  blockers: Blocker[];
};

const LICENSES = "/provider/licenses";
const SCHEDULE = "/provider/schedule";

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A reviewer's reason, quoted inside our sentence without doubling its full stop. */
function reason(text: string | null): string {
  return (text ?? "no reason given").trim().replace(/[.!\s]+$/, "");
}

function npiBlocker(licenses: ChecklistInput["licenses"]): Blocker | null {
  const npis = licenses.filter((l) => l.kind === "npi");
  if (npis.some((l) => l.status === "verified")) return null;
  if (npis.some((l) => l.status === "pending")) return { code: "npi-pending", message: "Your NPI is pending review.", href: LICENSES };
  const rejected = npis.find((l) => l.status === "rejected");
  if (rejected) {
    return { code: "npi-rejected", message: `Your NPI was rejected: ${reason(rejected.rejectionReason)}. Submit a corrected one.`, href: LICENSES };
  }
  return { code: "npi-missing", message: "Submit your NPI so we can verify it.", href: LICENSES };
}

function stateBlocker(state: string, cities: string[], input: ChecklistInput): Blocker | null {
  const forState = input.licenses.filter((l) => l.kind === "state" && l.state === state);
  if (forState.some((l) => l.status === "verified" && l.expiresOn !== null && l.expiresOn >= input.today)) return null;
  const where = `your ${joinNames(cities)} location${cities.length === 1 ? " is" : "s are"}`;
  const code = `state-${state}`;
  if (forState.some((l) => l.status === "pending")) {
    return { code, message: `Your ${state} license is pending review, so ${where} not listed yet.`, href: LICENSES };
  }
  const expired = forState.find((l) => l.status === "verified");
  if (expired) {
    return { code, message: `Your ${state} license expired on ${expired.expiresOn}, so ${where} not listed. Submit the renewed license.`, href: LICENSES };
  }
  const rejected = forState.find((l) => l.status === "rejected");
  if (rejected) {
    return { code, message: `Your ${state} license was rejected: ${reason(rejected.rejectionReason)}. Submit a corrected one.`, href: LICENSES };
  }
  return { code, message: `No verified license for ${state}, where ${where}. Submit your ${state} license.`, href: LICENSES };
}

export function listingChecklist(input: ChecklistInput): Checklist {
  const blockers: Blocker[] = [];
  if (input.suspendedAt) {
    blockers.push({ code: "suspended", message: `Your listing is suspended: ${reason(input.suspensionReason)}. Contact us to resolve it.`, href: "/provider" });
  }
  if (!input.emailVerified) {
    blockers.push({
      code: "email-unverified",
      message: "Confirm your email address before you publish: open the link we emailed you, or ask for a new one on your account page.",
      href: "/account",
    });
  }
  if (input.listingStatus !== "published") {
    blockers.push({ code: "unpublished", message: "Your listing is not published. Publish it when it is ready.", href: "/provider" });
  }
  const npi = npiBlocker(input.licenses);
  if (npi) blockers.push(npi);
  if (input.locations.length === 0) {
    blockers.push({ code: "no-locations", message: "Add a location where you see patients.", href: "/provider/locations" });
  }

  const citiesByState = new Map<string, string[]>();
  for (const l of input.locations) {
    const cities = citiesByState.get(l.state) ?? [];
    if (!cities.includes(l.city)) cities.push(l.city);
    citiesByState.set(l.state, cities);
  }
  const listedStates: string[] = [];
  for (const [state, cities] of [...citiesByState].sort(([a], [b]) => a.localeCompare(b))) {
    const blocker = stateBlocker(state, cities, input);
    if (blocker) blockers.push(blocker);
    else listedStates.push(state);
  }

  // Listed means bookable: a consultation to book, and hours at a licensed location to book it in.
  if (!input.hasConsultation) {
    blockers.push({ code: "no-consultation", message: "Add an initial consultation type: it is what patients book first, and its fee is the price search shows.", href: SCHEDULE });
  }
  for (const l of input.locations) {
    if (l.hasHours) continue;
    // The city says which location, unless another one is in the same city.
    const label = input.locations.filter((other) => other.city === l.city).length === 1 ? l.city : l.name;
    blockers.push({ code: `hours-${label}`, message: `Add weekly hours for ${label}: patients can book only the times you open.`, href: SCHEDULE });
  }
  const bookable = input.locations.some((l) => l.hasHours && listedStates.includes(l.state));

  const listed = !input.suspendedAt && input.listingStatus === "published" && npi === null && input.hasConsultation && bookable;
  if (input.conditionCount === 0) {
    blockers.push({
      code: "no-conditions",
      message: "Choose the conditions you treat: searches for a condition show only providers who list it.",
      href: "/provider/listing",
    });
  }
  return { listed, listedStates, blockers };
}
