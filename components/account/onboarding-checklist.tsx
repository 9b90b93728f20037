import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Onboarding, OnboardingStep } from "@/lib/accounts/onboarding";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/i18n/navigation";
import { LISTING_KIND } from "@/lib/listings/kinds";

/**
 * The first-hour checklist of the workspace home (lib/accounts/onboarding.ts): each step with where
 * it stands and a link to where it is done. Shown only while a step is left.
 */
export async function OnboardingChecklist({
  onboarding,
  email,
  maxMb,
  intermediary,
}: {
  onboarding: Onboarding;
  email: string;
  /** Largest upload, for the verification papers. */
  maxMb: number;
  /** The account is an intermediary's only: its listing is its organization's described services. */
  intermediary: boolean;
}) {
  const t = (await getTranslations("account.onboarding")) as unknown as T;
  return (
    <Card as="section" aria-labelledby="onboarding-title" className="border-brand-200">
      <CardHeader>
        <CardTitle id="onboarding-title">{t("title")}</CardTitle>
        <p className="text-sm text-muted">{t("lead")}</p>
        <p className="text-sm font-medium" data-testid="onboarding-progress">
          {t("progress", { done: onboarding.done, total: onboarding.total })}
        </p>
        <div
          aria-hidden
          className="mt-1 h-2 overflow-hidden rounded-full bg-surface-muted"
          title={t("progress", { done: onboarding.done, total: onboarding.total })}
        >
          <div
            className="h-full rounded-full bg-brand-600"
            style={{ width: `${Math.round((onboarding.done / Math.max(onboarding.total, 1)) * 100)}%` }}
          />
        </div>
      </CardHeader>
      <CardContent>
        <ol className="space-y-4">
          {onboarding.steps.map((step) => (
            <li key={step.key} data-step={step.key} data-done={step.done} className="flex gap-3">
              <StepMark done={step.done} label={step.done ? t("stepDone") : t("stepTodo")} />
              <div className="min-w-0 flex-1 space-y-1">
                <h3 className={cn("font-semibold", step.done && "text-muted line-through decoration-1")}>
                  {title(t, step, intermediary)}
                </h3>
                <StepDetail step={step} t={t} email={email} maxMb={maxMb} />
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

/** The namespace's translator; keys are built from step keys and states. */
type T = (key: string, values?: Record<string, string | number>) => string;

function title(t: T, step: OnboardingStep, intermediary: boolean): string {
  if (step.key === "profile" && intermediary) return t("profile.titleIntermediary");
  return t(`${step.key}.title`);
}

/** A tick or an empty circle, with its meaning for screen readers. */
function StepMark({ done, label }: { done: boolean; label: string }) {
  return (
    <span
      className={cn(
        "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border-2 text-xs font-bold",
        done ? "border-success-600 bg-success-600 text-white" : "border-border-strong bg-surface",
      )}
    >
      {done && (
        <svg aria-hidden focusable="false" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path
            fillRule="evenodd"
            d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z"
            clipRule="evenodd"
          />
        </svg>
      )}
      <span className="sr-only">{label}</span>
    </span>
  );
}

function StepDetail({ step, t, email, maxMb }: { step: OnboardingStep; t: T; email: string; maxMb: number }) {
  const text = t(`${step.key}.states.${step.state}`, { email, ...step.values });
  return (
    <div className="space-y-2 text-sm break-words">
      <p>{text}</p>
      {step.papers && !step.done && (
        <div>
          <p className="font-medium">{t("verification.papersTitle")}</p>
          <ul className="mt-1 list-disc space-y-0.5 ps-5">
            <li>
              {t(`verification.identity.${step.papers.identity}`)} <Presence have={step.papers.hasIdentity} t={t} />
            </li>
            <li>
              {t(`verification.document.${step.papers.document}`)} <Presence have={step.papers.hasDocuments} t={t} />
            </li>
          </ul>
          <p className="mt-1 text-muted">{t("verification.formats", { max: maxMb })}</p>
        </div>
      )}
      {!step.done && <StepLinks step={step} t={t} />}
    </div>
  );
}

function Presence({ have, t }: { have: boolean; t: T }) {
  return (
    <span className={have ? "font-medium text-success-800" : "font-medium text-warning-800"}>
      ({have ? t("verification.have") : t("verification.missing")})
    </span>
  );
}

function StepLinks({ step, t }: { step: OnboardingStep; t: T }) {
  if (step.key === "listing") {
    return (
      <p className="flex flex-wrap gap-2">
        {step.kinds?.includes("offer") && (
          <Link href={LISTING_KIND.offer.newPath} className={buttonClasses("secondary", "sm")}>
            {t("listing.newOffer")}
          </Link>
        )}
        {step.kinds?.includes("demand") && (
          <Link href={LISTING_KIND.demand.newPath} className={buttonClasses("secondary", "sm")}>
            {t("listing.newDemand")}
          </Link>
        )}
      </p>
    );
  }
  if (!step.href || step.key === "email") return null;
  return (
    <p>
      <Link href={step.href} className={buttonClasses("secondary", "sm")}>
        {t(`${step.key}.action`)}
      </Link>
    </p>
  );
}
