import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ContractDocument, TableColumn } from "@/lib/deals/contract-document";

/*
 * A table of the contract (the payment schedule) is ruled like the PDF and DOCX: on paper and on a
 * wide screen. Under 640 px on a screen its rows become cards (components/ui/table.tsx), unruled.
 */
const CELL = "border border-foreground px-2 py-1 whitespace-normal not-print:max-sm:border-0";
const ALIGN: Record<TableColumn["align"], string> = {
  left: "text-start",
  center: "text-center not-print:max-sm:text-start",
  right: "text-end not-print:max-sm:text-start",
};

/**
 * A contract version as a readable, printable page (issue #12 item 3: "a print-ready contract
 * page"), drawn from the same layout model as the PDF and DOCX (lib/deals/contract-document.ts), so
 * the three never say different things.
 */
export function ContractDocumentView({ doc }: { doc: ContractDocument }) {
  return (
    <article
      lang={doc.language}
      className="contract-document mx-auto max-w-3xl space-y-4 bg-white p-6 font-serif text-[15px] leading-relaxed print:p-0"
    >
      <header className="text-center">
        <p className="font-bold uppercase">{doc.nation}</p>
        <p className="font-semibold">{doc.motto}</p>
        <h1 className="mt-4 text-xl font-bold uppercase">{doc.title}</h1>
        <p>{doc.number}</p>
        <p className="text-sm text-muted">{doc.versionLine}</p>
        {doc.courtesyNote && <p className="mt-2 text-sm italic">{doc.courtesyNote}</p>}
      </header>
      <ul className="list-none space-y-1 italic">
        {doc.bases.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
      <p>{doc.partiesIntro}</p>
      {doc.parties.map((p) => (
        <section key={p.side} className="space-y-1">
          <h2 className="font-bold">{p.heading}</h2>
          {p.fields.map((f) => (
            <p key={f.label} className={f.missing ? "text-muted italic" : undefined}>
              {f.label}: {f.value}
            </p>
          ))}
        </section>
      ))}
      <p>{doc.agreement}</p>
      {doc.articles.map((a) => (
        <section key={a.key} className="space-y-2" aria-label={a.heading}>
          <h2 className="font-bold">{a.heading}</h2>
          {a.blocks.map((b, i) => {
            switch (b.kind) {
              case "field":
                return (
                  <p key={i} className={b.missing ? "text-muted italic" : undefined}>
                    {b.label}: {b.value}
                  </p>
                );
              case "clause":
                return (
                  <div key={i} className={b.missing ? "text-muted italic" : undefined}>
                    <p>{b.label}:</p>
                    {b.paragraphs.map((para, j) => (
                      <p key={j} className="whitespace-pre-line ps-4">
                        {para}
                      </p>
                    ))}
                  </div>
                );
              case "list":
                return (
                  <div key={i} className={b.missing ? "text-muted italic" : undefined}>
                    <p>{b.label}:</p>
                    <ul className="list-disc ps-8">
                      {b.items.map((item) => (
                        <li key={item}>{item}</li>
                      ))}
                    </ul>
                  </div>
                );
              case "table":
                return (
                  <div key={i}>
                    <p>{b.label}:</p>
                    <Table
                      scrollLabel={b.label}
                      containerClassName="mt-1 rounded-none border-0 bg-transparent"
                      className="text-sm"
                    >
                      <THead className="bg-transparent">
                        <TR>
                          {b.table.columns.map((c) => (
                            <TH key={c.header} className={`${CELL} ${ALIGN[c.align]}`}>
                              {c.header}
                            </TH>
                          ))}
                        </TR>
                      </THead>
                      <TBody>
                        {b.table.rows.map((row, r) => (
                          <TR key={r}>
                            {row.map((cell, c) => (
                              <TD key={c} className={`${CELL} ${ALIGN[b.table.columns[c]?.align ?? "left"]}`}>
                                {cell}
                              </TD>
                            ))}
                          </TR>
                        ))}
                        {b.table.total && (
                          <TR className="font-bold">
                            {b.table.total.map((cell, c) => (
                              <TD key={c} className={`${CELL} ${ALIGN[b.table.columns[c]?.align ?? "left"]}`}>
                                {cell}
                              </TD>
                            ))}
                          </TR>
                        )}
                      </TBody>
                    </Table>
                  </div>
                );
              case "note":
                return (
                  <p key={i} className="text-sm italic">
                    {b.text}
                  </p>
                );
            }
          })}
        </section>
      ))}
      {doc.closing.map((c) => (
        <p key={c}>{c}</p>
      ))}
      <div className="grid grid-cols-2 gap-6 pt-4 text-center">
        {doc.signatures.map((s) => (
          <section key={s.side}>
            <h2 className="font-bold uppercase">{s.heading}</h2>
            <p className="text-sm italic">{s.note}</p>
            {s.confirmation && <p className="mt-2 text-sm">{s.confirmation}</p>}
            <p className="mt-16 font-semibold">{s.name ?? ""}</p>
            {s.position && <p className="text-sm">{s.position}</p>}
          </section>
        ))}
      </div>
      <footer className="break-all border-t border-border pt-2 font-mono text-xs text-muted">{doc.footer}</footer>
    </article>
  );
}
