/** Shown where a suspended provider's requests and intakes would be. */
export function SuspensionNotice({ reason }: { reason: string | null }) {
  return (
    <div role="status" className="card max-w-2xl border-red-200 bg-red-50 p-5 text-red-900">
      <p className="font-semibold">Your listing is suspended{reason ? `: ${reason}` : "."}</p>
      <p className="mt-2 text-sm">
        While it is suspended, requests, patients&apos; intakes and booking changes are closed to you; patients can still cancel
        their bookings. Contact us to resolve it.
      </p>
    </div>
  );
}
