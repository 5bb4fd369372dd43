/** `text` with every character a regular expression reads specially escaped, to match it literally (also `/`, for patterns shown in messages). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
