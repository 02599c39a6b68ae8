import { createBooking } from "@/lib/booking/queries";
import type { Intake } from "@/lib/booking/intake";
import { createProvider, createUser, type TestUser } from "./fixtures";

/**
 * A listed provider with an account, one patient, and `book(start)`: a request for the provider's
 * first type at its first location, made at `now` unless told otherwise, that throws if refused.
 */
export async function bookableClinic({ name, now, intake }: { name: string; now: Date; intake: Intake }) {
  const providerUser = await createUser("provider");
  const provider = await createProvider({ name, provider: { userId: providerUser.id } });
  const patient = await createUser("patient");
  const book = async (start: string, who: TestUser = patient, at: Date = now) => {
    const result = await createBooking(who, { providerSlug: provider.slug, appointmentTypeId: provider.typeIds[0]!, locationId: provider.locationIds[0]!, start, telehealth: false, intake }, at);
    if (!result.ok) throw new Error(result.message);
    return result.id;
  };
  return { providerUser, provider, patient, book };
}
