export const EARTH_RADIUS_MI = 3958.8;

export type Point = { latitude: number; longitude: number };

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in miles (haversine); the search query uses the same formula in SQL. */
export function distanceMi(a: Point, b: Point): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MI * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The latitude/longitude box that contains every point within `radiusMi` of `center`, so an
 * index on (latitude, longitude) can discard far rows before the exact distance is computed.
 */
export function boundingBox(center: Point, radiusMi: number) {
  const latDelta = (radiusMi / EARTH_RADIUS_MI) * (180 / Math.PI);
  const cosLat = Math.cos(toRadians(center.latitude));
  // Near the poles the box spans every longitude.
  const lngDelta = cosLat < 1e-6 ? 180 : Math.min(180, latDelta / cosLat);
  return {
    minLat: center.latitude - latDelta,
    maxLat: center.latitude + latDelta,
    minLng: center.longitude - lngDelta,
    maxLng: center.longitude + lngDelta,
  };
}
