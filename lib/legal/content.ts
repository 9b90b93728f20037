import { z } from "zod";

/**
 * A block of a legal text: a paragraph, or a bulleted list of items. Every string is an ICU message
 * that may hold the tags and values of components/legal/rich-text.tsx.
 */
const BlockSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const SectionSchema = z.object({
  title: z.string().min(1),
  blocks: z.array(BlockSchema).min(1),
});

/**
 * The shape of a long text in messages/<locale>/legal.json (about, terms, privacy): a title, a
 * description (the lead and the meta description) and its sections in order.
 */
export const LegalTextSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  sections: z.array(SectionSchema).min(1),
});

export type LegalText = z.infer<typeof LegalTextSchema>;
export type LegalBlock = z.infer<typeof BlockSchema>;

/** The outline of a text read from the catalogue; fails loudly on a malformed one (a catalogue bug). */
export function parseLegalText(raw: unknown, name: string): LegalText {
  const parsed = LegalTextSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`messages "legal.${name}" is malformed: ${parsed.error.message}`);
  return parsed.data;
}

/** The anchor of a section, the same in every language ("article-3" for the terms' Điều 3). */
export function sectionAnchor(prefix: string, index: number): string {
  return `${prefix}-${index + 1}`;
}
