export default function AdminLoading() {
  return (
    <div aria-busy="true" className="space-y-4">
      <p role="status" className="text-slate-700">
        Loading…
      </p>
      <div className="card h-32 animate-pulse bg-slate-50" />
      <div className="card h-48 animate-pulse bg-slate-50" />
    </div>
  );
}
