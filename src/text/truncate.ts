// One way to shorten text for display, shared by the core (answers) and the front ends (Discord's limits).

/** Cuts text to `max` characters at a word boundary when one is near, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
