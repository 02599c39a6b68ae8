"use client";

import { ActionForm, FormMessage, SubmitButton } from "../components/action-form";
import { Checkbox } from "../components/form-controls";
import { saveNotificationSettingsAction } from "./notification-settings-action";

export function NotificationForm({ bookingReminders }: { bookingReminders: boolean }) {
  return (
    <ActionForm action={saveNotificationSettingsAction} className="space-y-3" aria-label="Notifications">
      {(state, pending) => (
        <>
          <Checkbox
            name="bookingReminders"
            label="Email me a reminder the day before a confirmed visit"
            defaultChecked={bookingReminders}
            hint="Emails about a change to a booking, a payment or your account always come: they may need you to act."
          />
          <FormMessage state={state} />
          <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary">
            Save notification settings
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
