import "server-only";

// The diary page's forms as the API's JSON: the same schemas parse both.

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};
const number = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : Number(value));

/** A "no" day sends no pain or hours, even if the fields were touched before answering. */
export function entryFromForm(form: FormData): unknown {
  const answer = text(form, "headache");
  const headache = answer === "yes" ? true : answer === "no" ? false : undefined;
  return {
    date: text(form, "date"),
    headache,
    migraine: headache === true && form.get("migraine") === "on",
    pain: headache === false ? 0 : number(text(form, "pain")),
    hours: headache === false ? 0 : (number(text(form, "hours")) ?? 0),
    acuteMedicine: form.get("acuteMedicine") === "on",
    medicines: form.get("acuteMedicine") === "on" ? form.getAll("medicines").filter((v) => typeof v === "string") : [],
    note: text(form, "note"),
  };
}

export function scoreFromForm(form: FormData): unknown {
  return { instrument: text(form, "instrument"), date: text(form, "date"), total: number(text(form, "total")) };
}

export function dayFromForm(form: FormData): unknown {
  return { date: text(form, "date") };
}
