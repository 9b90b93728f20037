import { getCurrentUser } from "@/lib/auth/session";
import { contractDocument } from "@/lib/deals/contract-document";
import { contractDocx } from "@/lib/deals/contract-docx";
import { contractPdf } from "@/lib/deals/contract-pdf";
import { contractDocumentInput } from "@/lib/deals/contract-queries";

export const dynamic = "force-dynamic";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/**
 * A contract version as PDF or DOCX (issue #12 item 3), for the deal's parties, invited
 * intermediaries and oversight staff only: anyone else gets 404, as for a version that does not
 * exist. `?lang=en` gives the English courtesy rendering; the Vietnamese text is the legal one.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ reference: string; version: string; format: string }> },
) {
  const { reference, version, format } = await params;
  const versionNo = Number(version);
  if (!(format in TYPES) || !Number.isInteger(versionNo) || versionNo < 1) return notFound();
  const locale = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "vi";
  const input = await contractDocumentInput(await getCurrentUser(), reference, versionNo, locale);
  if (!input) return notFound();
  const document = contractDocument(input);
  const bytes = format === "pdf" ? await contractPdf(document) : await contractDocx(document);
  const filename = `hop-dong-${input.reference}-v${input.version}${locale === "en" ? "-en" : ""}.${format}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": TYPES[format as keyof typeof TYPES],
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
      "x-content-sha256": input.sha256,
    },
  });
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "cache-control": "private, no-store" } });
}
