import { postListingRoute } from "../../post-listing-route";

// Where a demand is written (../../post-listing-route.tsx), rendered per request.
export const dynamic = "force-dynamic";

const route = postListingRoute("demand");
export const generateMetadata = route.generateMetadata;
export default route.Page;
