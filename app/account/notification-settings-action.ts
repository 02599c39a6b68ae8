"use server";

import { authorizedAction } from "@/lib/actions/validated-action";
import { saveNotificationSettings } from "@/lib/auth/account-settings";
import { notificationSettingsSchema } from "@/lib/auth/validation";

export const saveNotificationSettingsAction = authorizedAction(
  ["patient", "provider", "admin"],
  notificationSettingsSchema,
  (form) => ({ bookingReminders: form.get("bookingReminders") === "on", diaryReminders: form.get("diaryReminders") === "on" }),
  async (settings, user) => {
    await saveNotificationSettings(user, settings);
    return { ok: true, message: settings.bookingReminders ? "Notification settings saved. Visit reminders are on." : "Notification settings saved. Visit reminders are off; emails about changes to your bookings still come." };
  },
);
