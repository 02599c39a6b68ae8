export type PostalLocation = {
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string;
  zip: string;
};

/** "12 Main St, Suite 4, Austin, TX 78701" */
export function formatAddress(location: PostalLocation): string {
  const street = [location.addressLine1, location.addressLine2].filter((part) => part && part.trim() !== "");
  return `${street.join(", ")}, ${location.city}, ${location.state} ${location.zip}`;
}

/** A Google Maps directions link; a plain link the browser follows, never fetched by us. */
export function directionsUrl(location: PostalLocation): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(formatAddress(location))}`;
}
