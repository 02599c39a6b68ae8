export function VerifiedBadge({ className = "" }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200 ring-inset ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3.5 w-3.5" fill="currentColor">
        <path
          fillRule="evenodd"
          d="M10 1.5 3 4.5v5c0 4.2 3 7.9 7 9 4-1.1 7-4.8 7-9v-5l-7-3Zm3.7 6.2a.75.75 0 0 0-1.1-1l-3.6 4-1.6-1.6a.75.75 0 1 0-1.1 1.1l2.2 2.2c.3.3.8.3 1.1 0l4.1-4.7Z"
          clipRule="evenodd"
        />
      </svg>
      License verified
    </span>
  );
}
