"use client";

import Link from "next/link";
import { useState } from "react";
import { PREVENTIVE_CLASSES, PREVENTIVE_OUTCOMES, SAFETY_QUESTIONS, SYMPTOM_DURATIONS, TREATMENTS } from "@/lib/booking/intake-options";
import { STATE_CODES, stateName } from "@/lib/geo/states";
import { timesFromHref } from "@/lib/treatments/links";
import { formatMoney } from "@/lib/ui/format";
import { ActionForm, FormMessage, SubmitButton } from "../../../components/action-form";
import { Checkbox, CheckboxGroup, Select, TextArea } from "../../../components/form-controls";
import { LocalTime } from "../../../components/local-time";
import { requestConsultationAction, type RequestState } from "./request-consultation-action";

type Entry = { slug: string; name: string };

function YesNo({ name, label, error }: { name: string; label: string; error?: string | undefined }) {
  const id = name.replace(/\W/g, "-");
  return (
    <fieldset className="rounded-lg border border-amber-300 bg-amber-50/60 p-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-900">{label}</legend>
      <div className="mt-1 flex gap-6">
        {(["yes", "no"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name={name} value={value} className="h-4 w-4 accent-brand-700" />
            {value === "yes" ? "Yes" : "No"}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The intake a provider reads before the consultation. Sealed on the server before it is stored. */
export function IntakeForm(props: {
  providerSlug: string;
  appointmentTypeId: string;
  locationId: string;
  start: string;
  conditions: Entry[];
  carriers: Entry[];
  selfPay: boolean;
  /** Offered when the appointment type can be by video; names the states the provider is licensed in. */
  video: { licensedMessage: string } | null;
  depositCents: number;
  /** An instant booking: sending it books the time rather than asking for it. */
  instant: boolean;
  providerName: string;
  /** The waitlist offer holding this time for the patient (lib/waitlist/claim.ts). */
  waitlistOfferId?: string;
}) {
  const [condition, setCondition] = useState(props.conditions[0]?.slug ?? "");
  const [payment, setPayment] = useState(props.selfPay ? "self-pay" : "insurance");
  const [video, setVideo] = useState(false);
  return (
    <ActionForm<RequestState> action={requestConsultationAction} className="mt-6 space-y-6" aria-label="Consultation intake">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        const err = (key: string) => e[`intake.${key}`];
        return (
          <>
            <input type="hidden" name="providerSlug" value={props.providerSlug} />
            <input type="hidden" name="appointmentTypeId" value={props.appointmentTypeId} />
            <input type="hidden" name="locationId" value={props.locationId} />
            <input type="hidden" name="start" value={props.start} />
            {props.waitlistOfferId ? <input type="hidden" name="waitlistOfferId" value={props.waitlistOfferId} /> : null}
            <p className="text-sm text-slate-700">
              Only this provider sees your answers. We store them encrypted and never share them with anyone else, including our payment processor.
            </p>

            <fieldset className="card space-y-4 p-5">
              <legend className="px-1 text-lg font-semibold text-slate-900">Your symptoms</legend>
              <div>
                <label htmlFor="condition" className="field-label">
                  What would you like treated?
                </label>
                <select id="condition" name="condition" className="field-control" value={condition} onChange={(ev) => setCondition(ev.target.value)} aria-invalid={err("condition") ? true : undefined}>
                  {props.conditions.map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {c.name}
                    </option>
                  ))}
                </select>
                {err("condition") ? <p className="field-error">{err("condition")}</p> : null}
              </div>
              <TextArea name="symptoms" label="Describe your symptoms" error={err("symptoms")} maxLength={2000} hint="Where it hurts, how often, what makes it better or worse." />
              <Select name="duration" label="How long have you had them?" options={SYMPTOM_DURATIONS} placeholder="Choose…" error={err("duration")} />
              <Select
                name="painScore"
                label="Pain on a typical day, 0 (none) to 10 (worst imaginable)"
                options={Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }))}
                placeholder="Choose…"
                error={err("painScore")}
              />
              {condition === "chronic-migraine" ? (
                <div>
                  <label htmlFor="headacheDaysPerMonth" className="field-label">
                    Headache days in a typical month
                  </label>
                  <input id="headacheDaysPerMonth" name="headacheDaysPerMonth" type="number" min={0} max={31} inputMode="numeric" className="field-control max-w-32" aria-invalid={err("headacheDaysPerMonth") ? true : undefined} aria-describedby={err("headacheDaysPerMonth") ? "headache-error" : undefined} />
                  {err("headacheDaysPerMonth") ? (
                    <p id="headache-error" className="field-error">
                      {err("headacheDaysPerMonth")}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </fieldset>

            <fieldset className="card space-y-4 p-5">
              <legend className="px-1 text-lg font-semibold text-slate-900">Treatment so far</legend>
              <CheckboxGroup legend="What have you tried?" name="treatmentsTried" error={err("treatmentsTried")}>
                {TREATMENTS.map((t) => (
                  <Checkbox key={t.value} name="treatmentsTried" value={t.value} label={t.label} />
                ))}
              </CheckboxGroup>
              {condition === "chronic-migraine" ? (
                <fieldset className="space-y-3">
                  <legend className="field-label">Preventive medicines for migraine you have tried</legend>
                  <p className="text-sm text-slate-700">Insurers usually ask for two or three of these, of different kinds, before they cover Botox.</p>
                  <div className="grid gap-3 sm:grid-cols-2">
                    {PREVENTIVE_CLASSES.map((c) => (
                      <Select key={c.key} name={`preventives.${c.key}`} id={`preventive-${c.key}`} label={c.label} options={PREVENTIVE_OUTCOMES} error={err(`preventives.${c.key}`)} />
                    ))}
                  </div>
                </fieldset>
              ) : null}
              <TextArea name="earlierBotox" label="If you had Botox before: when, and how did it go? (optional)" rows={2} maxLength={1000} error={err("earlierBotox")} />
              <TextArea name="medicines" label="Medicines you take now (optional)" rows={2} maxLength={2000} error={err("medicines")} />
              <TextArea name="allergies" label="Allergies (optional)" rows={2} maxLength={1000} error={err("allergies")} />
            </fieldset>

            <fieldset className="card space-y-3 p-5">
              <legend className="px-1 text-lg font-semibold text-slate-900">Safety questions</legend>
              <p className="text-sm text-slate-700">These matter for whether botulinum toxin is safe for you. Do you have, or have you had:</p>
              {SAFETY_QUESTIONS.map((q) => (
                <YesNo key={q.key} name={`safety.${q.key}`} label={q.label} error={err(`safety.${q.key}`)} />
              ))}
            </fieldset>

            <fieldset className="card space-y-4 p-5">
              <legend className="px-1 text-lg font-semibold text-slate-900">Paying</legend>
              <div className="flex flex-wrap gap-6">
                {[
                  { value: "insurance", label: "With insurance" },
                  ...(props.selfPay ? [{ value: "self-pay", label: "Self-pay" }] : []),
                ].map((option) => (
                  <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
                    <input type="radio" name="payment" value={option.value} checked={payment === option.value} onChange={() => setPayment(option.value)} className="h-4 w-4 accent-brand-700" />
                    {option.label}
                  </label>
                ))}
              </div>
              {payment === "insurance" ? (
                <Select name="insuranceCarrier" label="Insurance carrier" options={props.carriers.map((c) => ({ value: c.slug, label: c.name }))} placeholder="Choose…" error={err("insuranceCarrier")} hint="Insurance often does not cover Botox for pain; the provider will check your plan." />
              ) : null}
              {props.video ? (
                <div className="space-y-3">
                  <div className="flex items-start gap-2">
                    <input id="telehealth-on" type="checkbox" name="telehealth" checked={video} onChange={(event) => setVideo(event.target.checked)} className="mt-1 h-4 w-4 accent-brand-700" />
                    <label htmlFor="telehealth-on" className="text-sm text-slate-800">
                      I would like this consultation by video
                    </label>
                  </div>
                  {video ? (
                    <Select
                      name="patientState"
                      label="The state you will be in for the video visit"
                      options={STATE_CODES.map((code) => ({ value: code, label: stateName(code) }))}
                      placeholder="Choose…"
                      error={e.patientState ?? e.telehealth}
                      hint={`A video visit needs the provider's license in the state where you are. ${props.video.licensedMessage}`}
                    />
                  ) : null}
                </div>
              ) : null}
              {props.depositCents > 0 ? (
                <p className="text-sm text-slate-700">A {formatMoney(props.depositCents)} deposit is due next to hold this time.</p>
              ) : null}
            </fieldset>

            <div>
              <Checkbox name="consent" value="yes" label="I agree to share these answers with this provider so they can assess my request." />
              {err("consent") ? <p className="field-error">{err("consent")}</p> : null}
            </div>
            <Checkbox
              name="shareDiary"
              label={`Also let ${props.providerName} see my headache diary, MIDAS and HIT-6 totals and treatment history (optional)`}
              hint="It helps them judge whether treatment works. You can turn it off any time on your bookings page; every time they look is recorded."
            />

            {state.alternatives && state.alternatives.length > 0 ? (
              <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950">
                <p className="font-medium">{state.error}</p>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {state.alternatives.map((a) => (
                    <li key={a.start + a.locationId}>
                      <Link className="btn-secondary text-sm" href={`/providers/${encodeURIComponent(props.providerSlug)}/book?${new URLSearchParams({ type: props.appointmentTypeId, location: a.locationId, start: a.start })}`}>
                        <LocalTime iso={a.start} />
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : state.earliest ? (
              <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950">
                <p className="font-medium">{state.error}</p>
                <Link className="btn-secondary mt-2 text-sm" href={timesFromHref(props.providerSlug, props.appointmentTypeId, state.earliest)}>
                  See free times from then
                </Link>
              </div>
            ) : (
              <FormMessage state={state} />
            )}
            <SubmitButton pending={pending} pendingLabel={props.instant ? "Booking…" : "Sending your request…"}>
              {props.instant ? "Book this time" : "Send request"}
            </SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
