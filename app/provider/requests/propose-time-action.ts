"use server";

import { proposeTime } from "@/lib/booking/transitions";
import { proposeSchema } from "@/lib/booking/validation";
import { bookingAction } from "../../bookings/booking-action";

export const proposeTimeAction = bookingAction(
  ["provider"],
  proposeSchema,
  (form) => ({ id: form.get("id"), localTime: form.get("localTime"), note: form.get("note") ?? "" }),
  ({ id, localTime, note }, provider) => proposeTime(provider, id, localTime, note),
);
