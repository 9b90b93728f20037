import { NextIntlClientProvider } from "next-intl";

// Per request (never cached): these pages read the session and the query string, and keep the nonce CSP.
export const dynamic = "force-dynamic";

/**
 * Sign-in, registration and account e-mail pages: their forms get the whole message catalogue
 * (the root layout sends only what the shared header needs). These pages are never cached.
 */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
