import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { US_TIME_ZONES } from "@/lib/geo/time-zones";
import { getOwnListing, upcomingBookingsByLocation } from "@/lib/listing/queries";
import { pluralize } from "@/lib/ui/format";
import { formatAddress } from "@/lib/ui/address";
import { AddLocationForm } from "./add-location-form";
import { RemoveLocationButton } from "./remove-location-button";
import { StartListingFirst } from "../start-listing-first";

export const metadata: Metadata = { title: "Locations" };

export default async function LocationsPage() {
  const user = await requireRole(["provider"], "/provider/locations");
  const [listing, upcoming] = await Promise.all([getOwnListing(user), upcomingBookingsByLocation(user)]);
  if (!listing) {
    return <StartListingFirst title="Locations" then="add the places where you see patients" />;
  }
  const zoneLabels = new Map<string, string>(US_TIME_ZONES.map((z) => [z.id, z.label]));
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Locations</h1>
        <p className="mt-1 max-w-prose text-slate-700">
          Patients can book you at a location only while you hold a verified, current license in its state.
        </p>
      </header>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading" className="text-lg font-semibold text-slate-900">
          Your locations
        </h2>
        {listing.locations.length === 0 ? (
          <p className="mt-2 text-slate-700">No locations yet. Add the first one below.</p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {listing.locations.map((l) => (
              <li key={l.id} className="card flex flex-col gap-3 p-4">
                <div>
                  <p className="font-semibold text-slate-900">{l.name}</p>
                  <p className="text-sm text-slate-700">{formatAddress(l)}</p>
                  <p className="text-sm text-slate-600">Time zone: {zoneLabels.get(l.timeZone) ?? l.timeZone}</p>
                  <p className="text-sm text-slate-700">{(upcoming.get(l.id) ?? 0) === 0 ? "No upcoming bookings." : `${pluralize(upcoming.get(l.id)!, "upcoming booking")}.`}</p>
                </div>
                <RemoveLocationButton id={l.id} name={l.name} upcoming={upcoming.get(l.id) ?? 0} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddLocationForm timeZones={US_TIME_ZONES} />
    </div>
  );
}
