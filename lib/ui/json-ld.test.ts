import { describe, expect, it } from "vitest";
import { physicianJsonLd, serializeJsonLd } from "./json-ld";

const location = {
  name: "Downtown",
  addressLine1: "12 Main St",
  addressLine2: null,
  city: "Austin",
  state: "TX",
  zip: "78701",
  latitude: 30.27,
  longitude: -97.74,
};

const provider = {
  slug: "jane-smith",
  name: "Dr. Jane Smith",
  credentials: "MD",
  specialty: "Neurology",
  bio: "Treats migraine.",
  photoUrl: null,
  languages: ["en", "es"],
  consultFeeCents: 15000,
  pricePerUnitCents: 1200,
  locations: [location],
};

describe("serializeJsonLd", () => {
  it("cannot close the script tag it is embedded in", () => {
    const text = serializeJsonLd({ bio: "</script><script>alert(1)</script> & \u2028" });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ bio: "</script><script>alert(1)</script> & \u2028" });
  });
});

describe("physicianJsonLd", () => {
  it("describes the provider as a schema.org Physician", () => {
    const data = physicianJsonLd(provider, "https://relief.example");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Physician",
      url: "https://relief.example/providers/jane-smith",
      name: "Dr. Jane Smith, MD",
      medicalSpecialty: "Neurology",
      knowsLanguage: ["en", "es"],
      priceRange: "$150 consultation; $12 per unit",
      address: { "@type": "PostalAddress", streetAddress: "12 Main St", addressLocality: "Austin", addressRegion: "TX", postalCode: "78701" },
      geo: { "@type": "GeoCoordinates", latitude: 30.27, longitude: -97.74 },
    });
    expect(data).not.toHaveProperty("image");
  });
  it("lists one address per location", () => {
    const data = physicianJsonLd(
      { ...provider, locations: [location, { ...location, name: "North", zip: "78758" }] },
      "https://relief.example",
    );
    expect(data.address).toHaveLength(2);
    expect(data.geo).toHaveLength(2);
  });

  it("gives aggregateRating once there are at least five visible reviews", () => {
    expect(physicianJsonLd({ ...provider, rating: { average: 4.8, count: 4 } }, "https://relief.example")).not.toHaveProperty("aggregateRating");
    expect(physicianJsonLd({ ...provider, rating: { average: null, count: 0 } }, "https://relief.example")).not.toHaveProperty("aggregateRating");
    expect(physicianJsonLd({ ...provider, rating: { average: 4.6, count: 5 } }, "https://relief.example").aggregateRating).toEqual({
      "@type": "AggregateRating",
      ratingValue: 4.6,
      reviewCount: 5,
      bestRating: 5,
      worstRating: 1,
    });
  });
});
