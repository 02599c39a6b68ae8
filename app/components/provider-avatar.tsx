import { initials } from "@/lib/ui/format";

const SIZES = {
  sm: "h-12 w-12 text-base",
  md: "h-12 w-12 text-base sm:h-16 sm:w-16 sm:text-xl",
  lg: "h-24 w-24 text-3xl sm:h-28 sm:w-28",
} as const;

/** The provider's photo, or a monogram of their initials when there is none. */
export function ProviderAvatar({ name, photoUrl, size = "md" }: { name: string; photoUrl: string | null; size?: keyof typeof SIZES }) {
  const box = `${SIZES[size]} shrink-0 rounded-full`;
  if (photoUrl) {
    const px = { sm: 48, md: 64, lg: 112 }[size];
    // A plain <img>: photos may live on any host, and next/image would need each one configured.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={photoUrl} alt="" width={px} height={px} loading="lazy" decoding="async" className={`${box} bg-slate-100 object-cover`} />;
  }
  return (
    <span aria-hidden="true" className={`${box} flex items-center justify-center bg-brand-100 font-semibold text-brand-900`}>
      {initials(name)}
    </span>
  );
}
