import type { MetadataRoute } from "next";
import { robotsRules } from "@/lib/seo/robots";

// The sitemap's address comes from the environment the server runs with, not the one it was built with.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return robotsRules();
}
