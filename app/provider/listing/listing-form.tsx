"use client";

import Link from "next/link";
import { CREDENTIALS, GENDERS } from "@/lib/listing/options";
import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { Checkbox, CheckboxGroup, Input, Select, TextArea } from "../../components/form-controls";
import { saveListingAction } from "./save-listing-action";

export type ListingDefaults = {
  name: string;
  credentials: string;
  specialty: string;
  bio: string;
  yearsExperience: string;
  languages: string[];
  gender: string;
  telehealth: boolean;
  videoVisitUrl: string;
  selfPay: boolean;
  carriers: string[];
  pricePerUnit: string;
  cancellationWindowHours: string;
  cancellationPolicy: string;
  conditions: { slug: string; yearsTreating: number; note: string }[];
};

type Entry = { slug: string; name: string };

const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = {
  female: "Female",
  male: "Male",
  nonbinary: "Nonbinary",
  undisclosed: "Prefer not to say",
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="card space-y-4 p-5">
      <legend className="px-1 text-lg font-semibold text-slate-900">{title}</legend>
      {children}
    </fieldset>
  );
}

export function ListingForm({
  defaults,
  conditions,
  carriers,
  languages,
  isNew,
}: {
  defaults: ListingDefaults;
  conditions: Entry[];
  carriers: Entry[];
  languages: readonly { code: string; name: string }[];
  isNew: boolean;
}) {
  const treated = new Map(defaults.conditions.map((c) => [c.slug, c]));
  return (
    <ActionForm action={saveListingAction} className="space-y-6" aria-label="Listing details">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            <Section title="About you">
              <div className="grid gap-4 sm:grid-cols-2">
                <Input name="name" label="Name as patients see it" defaultValue={defaults.name} error={e.name} autoComplete="name" maxLength={120} />
                <Select
                  name="credentials"
                  label="Credential"
                  options={CREDENTIALS.map((c) => ({ value: c, label: c }))}
                  defaultValue={defaults.credentials}
                  placeholder="Choose…"
                  error={e.credentials}
                />
                <Input name="specialty" label="Specialty" defaultValue={defaults.specialty} error={e.specialty} hint="For example Neurology or Oral and maxillofacial surgery." maxLength={80} />
                <Input name="yearsExperience" label="Years in practice" inputMode="numeric" defaultValue={defaults.yearsExperience} error={e.yearsExperience} />
                <Select
                  name="gender"
                  label="Gender"
                  options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
                  defaultValue={defaults.gender}
                  error={e.gender}
                  hint="Some patients prefer a provider of a particular gender."
                />
              </div>
              <TextArea name="bio" label="Bio" defaultValue={defaults.bio} error={e.bio} rows={6} maxLength={4000} hint="Your training and how you approach treatment. Blank lines start new paragraphs." />
              <CheckboxGroup legend="Languages you consult in" name="languages" error={e.languages}>
                {languages.map((l) => (
                  <Checkbox key={l.code} name="languages" value={l.code} label={l.name} defaultChecked={defaults.languages.includes(l.code)} />
                ))}
              </CheckboxGroup>
            </Section>

            <Section title="Conditions you treat">
              {e.conditions ? <p className="field-error">{e.conditions}</p> : null}
              <ul className="space-y-4">
                {conditions.map((c) => {
                  const current = treated.get(c.slug);
                  return (
                    <li key={c.slug} className="rounded-lg border border-slate-200 p-4">
                      <Checkbox name="conditions" value={c.slug} id={`condition-${c.slug}`} label={<span className="font-medium">{c.name}</span>} defaultChecked={Boolean(current)} />
                      <div className="mt-3 grid gap-3 sm:grid-cols-[10rem_1fr]">
                        <Input
                          name={`years-${c.slug}`}
                          label={<>Years treating it<span className="sr-only"> ({c.name})</span></>}
                          inputMode="numeric"
                          defaultValue={current ? String(current.yearsTreating) : ""}
                          error={e[`conditions.${c.slug}.yearsTreating`]}
                        />
                        <Input
                          name={`note-${c.slug}`}
                          label={<>Note for patients<span className="sr-only"> about {c.name}</span> (optional)</>}
                          defaultValue={current?.note ?? ""}
                          maxLength={500}
                          error={e[`conditions.${c.slug}.note`]}
                        />
                      </div>
                    </li>
                  );
                })}
              </ul>
            </Section>

            <Section title="Prices and insurance">
              <p className="max-w-prose text-sm text-slate-700">
                Your consultation fee and deposit are those of your initial consultation: set them, and every other visit&rsquo;s
                price, under <Link href="/provider/schedule#types-heading">Appointment types</Link>. Search, your profile and
                bookings all show those prices.
              </p>
              <div className="grid gap-4 sm:grid-cols-3">
                <Input name="pricePerUnit" label="Self-pay price per unit ($)" inputMode="decimal" defaultValue={defaults.pricePerUnit} error={e.pricePerUnitCents} hint="Leave empty if you do not offer self-pay treatment." />
              </div>
              <Checkbox name="selfPay" label="I see self-pay patients" defaultChecked={defaults.selfPay} />
              <Checkbox name="telehealth" label="I offer telehealth consultations" defaultChecked={defaults.telehealth} />
              <Input
                name="videoVisitUrl"
                label="Video-visit link"
                type="url"
                defaultValue={defaults.videoVisitUrl}
                error={e.videoVisitUrl}
                hint="Your video room, starting with https://. Patients get it only once you confirm a video visit."
              />
              <CheckboxGroup legend="Insurance you accept" name="carriers" error={e.carriers}>
                {carriers.map((c) => (
                  <Checkbox key={c.slug} name="carriers" value={c.slug} label={c.name} defaultChecked={defaults.carriers.includes(c.slug)} />
                ))}
              </CheckboxGroup>
            </Section>

            <Section title="Cancellation policy">
              <Input
                name="cancellationWindowHours"
                label="Free cancellation until this many hours before"
                inputMode="numeric"
                defaultValue={defaults.cancellationWindowHours}
                error={e.cancellationWindowHours}
                className="max-w-xs"
              />
              <TextArea name="cancellationPolicy" label="Policy in your words" defaultValue={defaults.cancellationPolicy} error={e.cancellationPolicy} maxLength={1000} />
            </Section>

            <div className="flex flex-wrap items-center gap-4">
              <SubmitButton pending={pending} pendingLabel="Saving…">
                {isNew ? "Create listing" : "Save listing"}
              </SubmitButton>
              <FormMessage state={state} />
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
