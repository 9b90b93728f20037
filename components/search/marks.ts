/**
 * Marked ranges of `chars` with the ones separated only by white space joined: "xử lý nước thải"
 * reads as one marked phrase rather than four boxes with gaps between them. Ranges separated by
 * anything else ("nước, thải") stay apart. `ranges` are [start, end) code-point positions, in order.
 */
export function joinAdjacentMarks(chars: readonly string[], ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = out.at(-1);
    if (last && start >= last[1] && /^\s*$/u.test(chars.slice(last[1], start).join("")))
      last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
