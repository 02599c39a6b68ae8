"use client";

import Link from "next/link";
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { formatMinutes, formatMoney } from "@/lib/ui/format";
import { ActionForm, FormMessage } from "../../components/action-form";
import { rescheduleBookingAction } from "../../patient/reschedule-booking-action";
import { addDays, dayLabel, localDate, localTime, zoneName } from "@/lib/ui/time-zone";

type AppointmentType = { id: string; kind: string; name: string; minutes: number; feeCents: number; depositCents: number; instantBooking: boolean };
type Location = { id: string; name: string };
type Slot = { start: string; end: string; locationId: string };

const DAYS_PER_PAGE = 14;
const subscribe = () => () => {};
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

type Load = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; slots: Slot[] };

/**
 * Free times for the chosen appointment type, two weeks at a time, in the viewer's own time zone
 * (named, since the clinic may be in another). Each time links to the booking page, which carries
 * the slot in its URL so signing in or creating an account on the way never loses it.
 */
export function BookingPanel({
  slug,
  types,
  locations,
  horizonDays,
  rescheduleBookingId,
  startFrom,
  treatmentFrom,
  initialTypeId,
}: {
  slug: string;
  types: AppointmentType[];
  locations: Location[];
  horizonDays: number;
  /** A date (YYYY-MM-DD) to start the times from instead of today: a next treatment's first day. */
  startFrom?: string | undefined;
  /** The signed-in patient's first allowed date for a next treatment (84-day rule): times of a treatment type start there. */
  treatmentFrom?: string | null;
  /** The type to show first, when a link names one. */
  initialTypeId?: string | undefined;
  /** Moving an existing booking: each time submits the move instead of opening the booking page. */
  rescheduleBookingId?: string;
}) {
  const zone = useSyncExternalStore(subscribe, viewerZone, () => "UTC");
  const today = useSyncExternalStore(subscribe, () => localDate(new Date(), viewerZone()), () => "");
  const [typeId, setTypeId] = useState(types.find((t) => t.id === initialTypeId)?.id ?? types[0]?.id ?? "");
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<{ key: string; load: Load } | null>(null);
  const type = types.find((t) => t.id === typeId);
  const waitForTreatment = type?.kind === "treatment" && treatmentFrom && today && treatmentFrom > today ? treatmentFrom : null;
  const first = [today, startFrom, waitForTreatment].reduce<string>((latest, day) => (day && latest && day > latest ? day : latest), today);
  const from = first ? addDays(first, page * DAYS_PER_PAGE) : "";
  const to = from ? addDays(from, DAYS_PER_PAGE - 1) : "";
  const skipped = first && today ? Math.round((Date.parse(first) - Date.parse(today)) / 86_400_000) : 0;
  const lastPage = Math.max(0, Math.ceil((horizonDays - skipped) / DAYS_PER_PAGE) - 1);

  // A result belongs to the request it answered; any other request is still loading.
  const key = `${typeId}|${from}|${to}`;
  const load: Load = useMemo(() => (result?.key === key ? result.load : { state: "loading" }), [result, key]);

  useEffect(() => {
    if (!from || !typeId) return;
    const controller = new AbortController();
    // A booking being moved asks for its own times: there, where it is now blocks nothing.
    const url = rescheduleBookingId
      ? `/api/bookings/${encodeURIComponent(rescheduleBookingId)}/slots?${new URLSearchParams({ from, to })}`
      : `/api/providers/${encodeURIComponent(slug)}/slots?${new URLSearchParams({ from, to, type: typeId })}`;
    fetch(url, {
      signal: controller.signal,
      // Shared caches may hold free times for a few seconds; this browser asks afresh each time.
      cache: "no-cache",
    })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? "We couldn't load free times.");
        setResult({ key, load: { state: "ready", slots: body.slots as Slot[] } });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, load: { state: "error", message: error instanceof Error ? error.message : "We couldn't load free times." } });
      });
    return () => controller.abort();
  }, [slug, typeId, from, to, key, rescheduleBookingId]);

  const days = useMemo(() => {
    if (load.state !== "ready") return [];
    const byDay = new Map<string, Slot[]>();
    for (const slot of load.slots) {
      const day = localDate(new Date(slot.start), zone);
      byDay.set(day, [...(byDay.get(day) ?? []), slot]);
    }
    return [...byDay.entries()];
  }, [load, zone]);

  const locationName = (id: string) => locations.find((l) => l.id === id)?.name ?? "";

  if (types.length === 0) return null;
  return (
    <section aria-labelledby="book-heading" className="card p-5">
      <h2 id="book-heading" className="text-base font-semibold text-slate-900">
        {rescheduleBookingId ? "Choose a new time" : "Book a consultation"}
      </h2>
      {types.length > 1 ? (
        <div className="mt-3">
          <label htmlFor="appointment-type" className="field-label">
            Appointment
          </label>
          <select
            id="appointment-type"
            className="field-control"
            value={typeId}
            onChange={(e) => {
              setTypeId(e.target.value);
              setPage(0);
            }}
          >
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} · {formatMinutes(t.minutes)} · {formatMoney(t.feeCents)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {/* A booking being moved keeps its price and any deposit already paid. */}
      {type && !rescheduleBookingId ? (
        <p className="mt-2 text-sm text-slate-700">
          {formatMinutes(type.minutes)}, {formatMoney(type.feeCents)}
          {type.depositCents > 0 ? `, ${formatMoney(type.depositCents)} deposit to hold the time` : ", no deposit"}.
          {type.instantBooking ? " Instant booking: confirmed as soon as you book, with no wait for an answer." : ""}
        </p>
      ) : null}
      {waitForTreatment ? (
        <p className="mt-2 text-sm text-slate-800">
          Your next treatment can be from {dayLabel(waitForTreatment)}: treatments are at least 12 weeks apart, so times start then.
        </p>
      ) : null}
      <p className="mt-1 text-xs text-slate-600">Times in your time zone: {zoneName(zone)}.</p>

      <div className="mt-4" aria-live="polite" aria-busy={load.state === "loading"}>
        {load.state === "loading" ? <p className="text-sm text-slate-700">Loading free times…</p> : null}
        {load.state === "error" ? (
          <p role="alert" className="text-sm text-red-800">
            {load.message}
          </p>
        ) : null}
        {load.state === "ready" && days.length === 0 ? (
          <p className="text-sm text-slate-700">No free times between {dayLabel(from)} and {dayLabel(to)}.</p>
        ) : null}
        {days.length > 0 ? (
          rescheduleBookingId ? (
            <ActionForm action={rescheduleBookingAction} aria-label="Choose the new time">
              {(state, pending) => (
                <>
                  <input type="hidden" name="id" value={rescheduleBookingId} />
                  <div className="mb-3">
                    <FormMessage state={state} />
                  </div>
                  <SlotDays days={days} slot={(s) => (
                    <button type="submit" name="start" value={s.start} disabled={pending} className={SLOT_CLASS}>
                      {slotLabel(s, zone, locations.length > 1 ? locationName : null)}
                    </button>
                  )} />
                </>
              )}
            </ActionForm>
          ) : (
            <SlotDays days={days} slot={(s) => (
              <Link href={`/providers/${encodeURIComponent(slug)}/book?${new URLSearchParams({ type: typeId, location: s.locationId, start: s.start })}`} className={`${SLOT_CLASS} no-underline`}>
                {slotLabel(s, zone, locations.length > 1 ? locationName : null)}
              </Link>
            )} />
          )
        ) : null}
      </div>
      <div className="mt-4 flex justify-between gap-2">
        <button type="button" className="btn-secondary text-sm" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          Earlier
        </button>
        <button type="button" className="btn-secondary text-sm" disabled={page >= lastPage} onClick={() => setPage((p) => p + 1)}>
          Later
        </button>
      </div>
    </section>
  );
}

const SLOT_CLASS = "inline-block rounded-md border border-brand-600 px-2.5 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50";

function slotLabel(slot: Slot, zone: string, locationName: ((id: string) => string) | null) {
  return (
    <>
      {localTime(new Date(slot.start), zone)}
      {locationName ? <span className="block text-xs font-normal text-slate-700">{locationName(slot.locationId)}</span> : null}
      <span className="sr-only"> on {dayLabel(localDate(new Date(slot.start), zone))}</span>
    </>
  );
}

function SlotDays({ days, slot }: { days: [string, Slot[]][]; slot: (s: Slot) => ReactNode }) {
  return (
    <ul className="max-h-96 space-y-4 overflow-y-auto pr-1">
      {days.map(([day, slots]) => (
        <li key={day}>
          <h3 className="text-sm font-semibold text-slate-900">{dayLabel(day)}</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {slots.map((s) => (
              <li key={`${s.start}-${s.locationId}`}>{slot(s)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
