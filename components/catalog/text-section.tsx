import { PlainText } from "./plain-text";

/** A titled block of user-written text on a detail page (description, application areas, biography…). */
export function TextSection({ id, heading, text }: { id: string; heading: string; text: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {heading}
      </h2>
      <PlainText text={text} />
    </section>
  );
}
