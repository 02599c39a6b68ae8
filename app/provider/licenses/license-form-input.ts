/** The state license form's fields → what stateLicenseSchema parses. */
export function stateLicenseFormToInput(form: FormData): Record<string, unknown> {
  return { state: form.get("state"), number: form.get("number"), expiresOn: form.get("expiresOn") };
}
