import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Locale-aware Link, redirect and hooks: `/login` becomes `/en/login` for English users. */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
