import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { APPOINTMENT_KIND_LABELS } from "@/lib/scheduling/appointment-kinds";
import { formatDayRanges, WEEKDAYS } from "@/lib/scheduling/hours-text";
import { getOwnSchedule } from "@/lib/scheduling/settings";
import { centsForInput, formatInstant, formatMoney } from "@/lib/ui/format";
import { zoneName } from "@/lib/ui/time-zone";
import { ResponseThresholdForm } from "./response-threshold-form";
import { AppointmentTypeForm, ArchiveTypeButton, BookingWindowForm, HoursForm, RemoveTimeOffButton, TimeOffForm } from "./schedule-forms";
import { StartListingFirst } from "../start-listing-first";

export const metadata: Metadata = { title: "Schedule" };


export default async function SchedulePage() {
  const user = await requireRole(["provider"], "/provider/schedule");
  const schedule = await getOwnSchedule(user);
  if (!schedule) {
    return <StartListingFirst title="Schedule" then="set your hours and appointment types" />;
  }
  const locationName = (id: string | null) => (id ? (schedule.locations.find((l) => l.id === id)?.name ?? "a removed location") : "every location");
  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Schedule</h1>
        <p className="mt-1 max-w-prose text-slate-700">Patients see free times from these hours, minus your bookings and time off. Changes never move a booking already made.</p>
      </header>

      <section aria-labelledby="types-heading" className="space-y-4">
        <h2 id="types-heading" className="text-xl font-semibold text-slate-900">
          Appointment types
        </h2>
        <p className="max-w-prose text-slate-700">
          Each type&rsquo;s fee and deposit are what a booking of it charges. Your initial consultation&rsquo;s are also the
          consultation price search and your profile show (the cheapest, if you offer several), and you are listed only while you
          offer one.
        </p>
        {schedule.types.length === 0 ? <p className="text-slate-700">No appointment types: patients cannot book you until you add one.</p> : null}
        <ul className="space-y-3">
          {schedule.types.map((t) => (
            <li key={t.id} className="card p-4">
              <details>
                <summary className="font-semibold text-slate-900">
                  {t.name} <span className="font-normal text-slate-700">· {APPOINTMENT_KIND_LABELS[t.kind]} · {t.minutes} min · {formatMoney(t.feeCents)}</span>
                </summary>
                <AppointmentTypeForm
                  type={{ id: t.id, kind: t.kind, name: t.name, minutes: String(t.minutes), bufferAfterMinutes: String(t.bufferAfterMinutes), fee: centsForInput(t.feeCents), deposit: centsForInput(t.depositCents), telehealthAllowed: t.telehealthAllowed, confirmsAutomatically: t.confirmsAutomatically }}
                />
                <ArchiveTypeButton id={t.id} name={t.name} />
              </details>
            </li>
          ))}
        </ul>
        <details className="card p-4">
          <summary className="font-semibold text-brand-800">Add an appointment type</summary>
          <AppointmentTypeForm />
        </details>
      </section>

      <section aria-labelledby="window-heading" className="space-y-3">
        <h2 id="window-heading" className="text-xl font-semibold text-slate-900">
          Booking window
        </h2>
        <BookingWindowForm minNoticeHours={String(schedule.minNoticeMinutes / 60)} horizonDays={String(schedule.horizonDays)} />
      </section>

      <section aria-labelledby="response-heading" className="space-y-3">
        <h2 id="response-heading" className="text-xl font-semibold text-slate-900">
          Treatment response
        </h2>
        <ResponseThresholdForm thresholdPercent={String(schedule.responseThresholdPercent)} />
      </section>

      <section aria-labelledby="hours-heading" className="space-y-4">
        <h2 id="hours-heading" className="text-xl font-semibold text-slate-900">
          Weekly hours
        </h2>
        {schedule.locations.length === 0 ? (
          <p className="text-slate-700">
            <Link href="/provider/locations">Add a location</Link> to set its hours.
          </p>
        ) : null}
        {schedule.locations.map((l) => (
          <div key={l.id} className="card p-5">
            <h3 className="font-semibold text-slate-900">
              {l.name}, {l.city}, {l.state}
            </h3>
            <p className="text-sm text-slate-700">Times are local to the clinic ({zoneName(l.timeZone)}). Write ranges like 9:00-12:00, 13:00-17:00; leave a day empty when closed.</p>
            <HoursForm
              locationId={l.id}
              locationName={l.name}
              days={Object.fromEntries(WEEKDAYS.map(({ weekday }) => [weekday, formatDayRanges(l.hours.filter((h) => h.weekday === weekday))]))}
            />
          </div>
        ))}
      </section>

      <section aria-labelledby="off-heading" className="space-y-4">
        <h2 id="off-heading" className="text-xl font-semibold text-slate-900">
          Time off
        </h2>
        {schedule.timeOff.length === 0 ? <p className="text-slate-700">No time off ahead.</p> : null}
        <ul className="space-y-2">
          {schedule.timeOff.map((t) => (
            <li key={t.id} className="card flex flex-wrap items-center justify-between gap-3 p-4">
              <span className="text-slate-800">
                {formatInstant(t.startsAt, t.timeZone)} to {formatInstant(t.endsAt, t.timeZone)}, {locationName(t.locationId)}
                {t.note ? ` (${t.note})` : ""}
              </span>
              <RemoveTimeOffButton id={t.id} />
            </li>
          ))}
        </ul>
        {schedule.locations.length > 0 ? <TimeOffForm locations={schedule.locations.map((l) => ({ value: l.id, label: l.name }))} /> : null}
      </section>
    </div>
  );
}
