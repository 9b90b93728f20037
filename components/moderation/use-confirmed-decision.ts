"use client";

import { useActionState, useRef, useState } from "react";
import type { ActionResult } from "@/lib/errors";

export type Decision = "approve" | "reject";

/**
 * A staff decision confirmed in a dialog before anything is sent (issue #15): the listing
 * moderation form and the organization verification card. `ask` opens the dialog — a rejection
 * without a reason focuses the reason instead —, `send` posts the form with the decision confirmed,
 * and a refusal closes the dialog so it shows on the page, not behind it.
 */
export function useConfirmedDecision(action: (prev: ActionResult, data: FormData) => Promise<ActionResult>) {
  const formRef = useRef<HTMLFormElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [confirm, setConfirm] = useState<Decision | null>(null);
  const [missingReason, setMissingReason] = useState(false);
  const [state, dispatch, pending] = useActionState<ActionResult, FormData>(
    async (prev, data) => {
      const result = await action(prev, data);
      if (!result.ok) setConfirm(null);
      return result;
    },
    { ok: true },
  );
  const ask = (decision: Decision) => {
    if (decision === "reject" && reason.trim() === "") {
      setMissingReason(true);
      reasonRef.current?.focus();
      return;
    }
    setConfirm(decision);
  };
  const send = () => {
    const form = formRef.current;
    if (!form || !confirm) return;
    const data = new FormData(form);
    data.set("decision", confirm);
    dispatch(data);
  };
  /** The reason as typed: a change clears the "reason required" error. */
  const editReason = (next: string | ((text: string) => string)) => {
    setReason(next);
    setMissingReason(false);
  };
  return {
    formRef,
    reasonRef,
    reason,
    editReason,
    confirm,
    cancel: () => setConfirm(null),
    missingReason,
    state,
    pending,
    ask,
    send,
  };
}
