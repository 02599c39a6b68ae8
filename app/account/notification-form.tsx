"use client";

import { ActionForm, FormMessage, SubmitButton } from "../components/action-form";
import { Checkbox } from "../components/form-controls";
import { saveNotificationSettingsAction } from "./notification-settings-action";

export function NotificationForm({ bookingReminders, diaryReminders, patient }: { bookingReminders: boolean; diaryReminders: boolean; patient: boolean }) {
  return (
    <ActionForm action={saveNotificationSettingsAction} className="space-y-3" aria-label="Notifications">
      {(state, pending) => (
        <>
          <Checkbox
            name="bookingReminders"
            label="Email me reminders a week and a day before a confirmed visit"
            defaultChecked={bookingReminders}
            hint="Emails about a change to a booking, a payment or your account always come: they may need you to act."
          />
          {patient ? (
            <Checkbox
              name="diaryReminders"
              label="Email me once a day to fill in my diary"
              defaultChecked={diaryReminders}
              hint="Skipped on days you have already filled in. The email says only that it is your daily check-in."
            />
          ) : null}
          <FormMessage state={state} />
          <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary">
            Save notification settings
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
