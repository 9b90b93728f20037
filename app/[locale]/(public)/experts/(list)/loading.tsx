// Loading skeletons live beside list pages only (route groups): a boundary above a detail page would
// start streaming before notFound() and turn a 404 into a 200.
export { PageSkeleton as default } from "@/components/ui/page-skeleton";
