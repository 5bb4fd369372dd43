/**
 * Renders the small subset of Markdown our statements use (headings, paragraphs, lists, links,
 * `code`) to HTML. Text is escaped first, so nothing in the file can inject markup.
 */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+|\/[^)\s]*)\)/g, '<a href="$2">$1</a>');
}

export function markdownToHtml(markdown: string): { title: string; html: string } {
  const blocks = markdown.replace(/\r\n/g, '\n').split(/\n{2,}/);
  let title = '';
  const out: string[] = [];
  for (const block of blocks) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (heading && !trimmed.includes('\n')) {
      const level = heading[1].length;
      if (level === 1 && !title) title = heading[2];
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      continue;
    }
    if (/^- /.test(trimmed)) {
      const items = trimmed.split(/\n(?=- )/).map((item) => `<li>${inline(item.replace(/^- /, '').replace(/\n\s*/g, ' '))}</li>`);
      out.push(`<ul>${items.join('')}</ul>`);
      continue;
    }
    out.push(`<p>${inline(trimmed.replace(/\n\s*/g, ' '))}</p>`);
  }
  return { title, html: out.join('\n') };
}
