"use client";

import { useState } from "react";
import { ActionForm, FormMessage, SubmitButton } from "../../components/action-form";
import { ProviderAvatar } from "../../components/provider-avatar";
import { removePhotoAction } from "./remove-photo-action";
import { uploadPhotoAction } from "./upload-photo-action";

const MAX_BYTES = 2 * 1024 * 1024;

export function PhotoForm({ name, photoUrl }: { name: string; photoUrl: string | null }) {
  // Checked here first so a large file never travels; the server checks size and content again.
  const [tooLarge, setTooLarge] = useState(false);
  return (
    <section aria-labelledby="photo-heading" className="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
      <ProviderAvatar name={name} photoUrl={photoUrl} size="lg" />
      <div className="flex-1 space-y-3">
        <h2 id="photo-heading" className="text-lg font-semibold text-slate-900">
          Photo
        </h2>
        <ActionForm action={uploadPhotoAction} className="flex flex-wrap items-end gap-3" resetOnSuccess>
          {(state, pending) => {
            const error = tooLarge ? "Choose a photo of at most 2 MB." : state.fieldErrors?.photo;
            return (
              <>
                <div>
                  <label htmlFor="photo" className="field-label">
                    JPEG, PNG or WebP, up to 2 MB
                  </label>
                  <input
                    id="photo"
                    name="photo"
                    type="file"
                    accept="image/jpeg,image/png,image/webp"
                    className="block text-sm text-slate-800"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? "photo-hint photo-error" : "photo-hint"}
                    onChange={(event) => setTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_BYTES)}
                  />
                  <p id="photo-hint" className="mt-1 text-xs text-slate-600">
                    We resize it and remove its location, camera and other details before it is shown.
                  </p>
                  {error ? (
                    <p id="photo-error" className="field-error">
                      {error}
                    </p>
                  ) : null}
                </div>
                {tooLarge ? null : (
                  <SubmitButton pending={pending} pendingLabel="Uploading…" variant="secondary">
                    Upload photo
                  </SubmitButton>
                )}
                <div className="w-full">
                  <FormMessage state={{ ...state, ...(state.fieldErrors ? { error: undefined } : {}) }} />
                </div>
              </>
            );
          }}
        </ActionForm>
        {photoUrl ? (
          <ActionForm action={removePhotoAction} confirm="Remove your photo? Your profile will show your initials instead.">
            {(state, pending) => (
              <>
                <SubmitButton pending={pending} pendingLabel="Removing…" variant="danger">
                  Remove photo
                </SubmitButton>
                <FormMessage state={state} />
              </>
            )}
          </ActionForm>
        ) : null}
      </div>
    </section>
  );
}
