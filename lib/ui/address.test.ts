import { describe, expect, it } from "vitest";
import { directionsUrl, formatAddress } from "./address";

const clinic = { addressLine1: "12 Main St", addressLine2: "Suite 4", city: "Austin", state: "TX", zip: "78701" };

describe("formatAddress", () => {
  it("joins the lines in postal order", () => {
    expect(formatAddress(clinic)).toBe("12 Main St, Suite 4, Austin, TX 78701");
    expect(formatAddress({ ...clinic, addressLine2: null })).toBe("12 Main St, Austin, TX 78701");
    expect(formatAddress({ ...clinic, addressLine2: "  " })).toBe("12 Main St, Austin, TX 78701");
  });
});

describe("directionsUrl", () => {
  it("encodes the address as the destination", () => {
    const url = new URL(directionsUrl({ ...clinic, addressLine1: "1 A&B Rd #2" }));
    expect(url.origin + url.pathname).toBe("https://www.google.com/maps/dir/");
    expect(url.searchParams.get("api")).toBe("1");
    expect(url.searchParams.get("destination")).toBe("1 A&B Rd #2, Suite 4, Austin, TX 78701");
  });
});
