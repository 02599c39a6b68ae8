"use server";

import { acceptProposal } from "@/lib/booking/transitions";
import { bookingIdSchema } from "@/lib/booking/validation";
import { bookingAction, idFrom } from "../bookings/booking-action";

export const acceptProposalAction = bookingAction(["patient"], bookingIdSchema, idFrom, ({ id }, patient) => acceptProposal(patient, id));
