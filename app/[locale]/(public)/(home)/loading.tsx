import { Skeleton } from "@/components/ui/spinner";

// Loading skeletons live beside list pages only (route groups): a boundary above a detail page would
// start streaming before notFound() and turn a 404 into a 200.
export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true">
      <Skeleton className="h-8 w-1/3" />
      <Skeleton className="h-4 w-2/3" />
      <div className="grid gap-4 md:grid-cols-3">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
    </div>
  );
}
