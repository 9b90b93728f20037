"use client";

import { signOut } from "next-auth/react";
import { useLocale } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ label }: { label: string }) {
  const locale = useLocale();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: locale === "vi" ? "/" : `/${locale}` });
      }}
    >
      {label}
    </Button>
  );
}
