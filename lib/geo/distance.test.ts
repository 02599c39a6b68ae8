import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundingBox, distanceMi } from "./distance";

const midtown = { latitude: 40.7443, longitude: -73.9781 };
const austin = { latitude: 30.2711, longitude: -97.7437 };

describe("distanceMi", () => {
  it("matches known city distances", () => {
    // New York ↔ Austin is about 1,513 miles as the crow flies.
    expect(distanceMi(midtown, austin)).toBeGreaterThan(1500);
    expect(distanceMi(midtown, austin)).toBeLessThan(1525);
    // One degree of latitude is about 69 miles.
    expect(distanceMi({ latitude: 40, longitude: -74 }, { latitude: 41, longitude: -74 })).toBeCloseTo(69.1, 1);
  });

  it("is zero to itself and symmetric", () => {
    expect(distanceMi(midtown, midtown)).toBe(0);
    expect(distanceMi(midtown, austin)).toBeCloseTo(distanceMi(austin, midtown), 9);
  });
});

describe("boundingBox", () => {
  it("contains every point within the radius", () => {
    const point = fc.record({ latitude: fc.double({ min: 18, max: 65, noNaN: true }), longitude: fc.double({ min: -170, max: -60, noNaN: true }) });
    fc.assert(
      fc.property(point, fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), (center, radius, bearing, fraction) => {
        // A point at `fraction` of the radius in direction `bearing` (small-distance approximation).
        const miles = radius * fraction * 0.99;
        const other = {
          latitude: center.latitude + (miles * Math.cos(bearing)) / 69.09,
          longitude: center.longitude + (miles * Math.sin(bearing)) / (69.09 * Math.cos((center.latitude * Math.PI) / 180)),
        };
        if (distanceMi(center, other) > radius) return;
        const box = boundingBox(center, radius);
        expect(other.latitude).toBeGreaterThanOrEqual(box.minLat);
        expect(other.latitude).toBeLessThanOrEqual(box.maxLat);
        expect(other.longitude).toBeGreaterThanOrEqual(box.minLng);
        expect(other.longitude).toBeLessThanOrEqual(box.maxLng);
      }),
    );
  });
});
