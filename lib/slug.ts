/** ASCII slug from Vietnamese text: "Xử lý nước thải" -> "xu-ly-nuoc-thai" (đ -> d). */
export function slugify(text: string, maxLength = 80): string {
  const base = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return base || "item";
}

/** A short random suffix that keeps slugs unique without revealing counts. */
export function slugSuffix(): string {
  return Math.random().toString(36).slice(2, 7);
}
