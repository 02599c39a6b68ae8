import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { getCatalog } from "@/lib/catalog/queries";
import { getOwnListing } from "@/lib/listing/queries";
import { LANGUAGES } from "@/lib/search/languages";
import { centsForInput } from "@/lib/ui/format";
import { ListingForm, type ListingDefaults } from "./listing-form";
import { PhotoForm } from "./photo-form";

export const metadata: Metadata = { title: "Listing" };


export default async function ListingPage() {
  const user = await requireRole(["provider"], "/provider/listing");
  const [listing, catalog] = await Promise.all([getOwnListing(user), getCatalog()]);
  const defaults: ListingDefaults = listing
    ? {
        name: listing.name,
        credentials: listing.credentials,
        specialty: listing.specialty,
        bio: listing.bio,
        yearsExperience: String(listing.yearsExperience),
        languages: listing.languages,
        gender: listing.gender,
        telehealth: listing.telehealth,
        videoVisitUrl: listing.videoVisitUrl ?? "",
        selfPay: listing.selfPay,
        carriers: listing.carriers,
        pricePerUnit: centsForInput(listing.pricePerUnitCents),
        cancellationWindowHours: String(listing.cancellationWindowHours),
        cancellationPolicy: listing.cancellationPolicy,
        conditions: listing.conditions,
      }
    : {
        name: user.name,
        credentials: "",
        specialty: "",
        bio: "",
        yearsExperience: "",
        languages: ["en"],
        gender: "undisclosed",
        telehealth: false,
        videoVisitUrl: "",
        selfPay: true,
        carriers: [],
        pricePerUnit: "",
        cancellationWindowHours: "24",
        cancellationPolicy: "",
        conditions: [],
      };

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{listing ? "Your listing" : "Start your listing"}</h1>
        <p className="mt-1 max-w-prose text-slate-700">
          Everything here appears on your public profile once it is listed. Prices are shown to patients as you enter them, so
          keep them current.
        </p>
      </header>
      {listing ? <PhotoForm name={listing.name} photoUrl={listing.photoUrl} /> : null}
      <ListingForm defaults={defaults} conditions={catalog.conditions} carriers={catalog.carriers} languages={LANGUAGES} isNew={!listing} />
    </div>
  );
}
