import { initials } from "@/lib/ui/format";

const PIXELS = { sm: 48, md: 64, lg: 112 } as const;

/**
 * The provider's photo, or a monogram of their initials when there is none. Sizes and looks are
 * `.avatar-*` classes (app/globals.css): a results page repeats them twenty times.
 */
export function ProviderAvatar({ name, photoUrl, size = "md" }: { name: string; photoUrl: string | null; size?: keyof typeof PIXELS }) {
  if (photoUrl) {
    const px = PIXELS[size];
    // A plain <img>: photos may live on any host, and next/image would need each one configured.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={photoUrl} alt="" width={px} height={px} loading="lazy" decoding="async" className={`avatar-${size} avatar-photo`} />;
  }
  return (
    <span aria-hidden="true" className={`avatar-${size} avatar-monogram`}>
      {initials(name)}
    </span>
  );
}
