import { HTMLElement, NodeType, type Node } from 'node-html-parser';

/** Elements whose content is never part of an answer. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'iframe',
  'svg',
  'img',
  'picture',
  'video',
  'audio',
  'nav',
  'aside',
  'figure',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A link target as a full address (relative links are resolved against the page), or undefined when it cannot be one. */
export function absoluteLink(href: string | undefined, pageUrl: string): string | undefined {
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return undefined;
  if (/^(mailto|tel):/i.test(href)) return href.replace(/\s+/g, '');
  try {
    const url = new URL(href, pageUrl);
    if (url.protocol === 'http:' && new URL(pageUrl).hostname === url.hostname) url.protocol = 'https:';
    return /^https?:$/.test(url.protocol) ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Converts the content of a saved page's body element to the Markdown the articles use:
 * paragraphs, bullet and numbered lists, links with full addresses, bold and italics; headings
 * become bold lines (the house style for short headings inside an answer), tables become rows
 * of bullets. Forms, navigation, images and scripts are dropped.
 */
export class HtmlToMarkdown {
  constructor(private readonly pageUrl: string) {}

  convert(root: HTMLElement): string {
    return this.blocks(root)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private blocks(el: HTMLElement): string {
    return el.childNodes.map((n) => this.node(n)).join('');
  }

  private node(n: Node): string {
    if (n.nodeType === NodeType.TEXT_NODE) return squash(n.text);
    if (!(n instanceof HTMLElement)) return '';
    const tag = n.tagName.toLowerCase();
    if (SKIPPED.has(tag) || n.getAttribute('hidden') !== undefined || n.getAttribute('aria-hidden') === 'true') return '';
    if (HEADINGS.has(tag)) {
      const text = this.inline(n).trim();
      return text ? `\n\n**${text.replace(/\*\*/g, '')}**\n\n` : '';
    }
    switch (tag) {
      case 'p':
      case 'div':
      case 'section':
      case 'article':
      case 'main':
      case 'header':
      case 'details':
      case 'blockquote':
        return `\n\n${this.blocks(n).trim()}\n\n`;
      case 'summary':
        return `\n\n**${this.inline(n).trim()}**\n\n`;
      case 'ul':
      case 'ol':
        return `\n\n${this.list(n, tag === 'ol')}\n\n`;
      case 'table':
        return `\n\n${this.table(n)}\n\n`;
      case 'br':
        return '\n';
      case 'hr':
        return '\n\n';
      default:
        return this.inlineElement(n, tag);
    }
  }

  private inline(el: HTMLElement): string {
    return squash(
      el.childNodes
        .map((n) => (n instanceof HTMLElement ? this.inlineElement(n, n.tagName.toLowerCase()) : n.nodeType === NodeType.TEXT_NODE ? n.text : ''))
        .join(''),
    );
  }

  private inlineElement(n: HTMLElement, tag: string): string {
    // An accordion's heading holds its title in a button (LocalGov Drupal accordions, <details>-like widgets).
    if (tag === 'button' && n.closest('h1, h2, h3, h4, h5, h6')) return this.inline(n);
    if (SKIPPED.has(tag)) return '';
    const text = this.inline(n);
    const trimmed = text.trim();
    if (!trimmed) return tag === 'br' ? '\n' : text;
    const pad = (s: string) => `${/^\s/.test(text) ? ' ' : ''}${s}${/\s$/.test(text) ? ' ' : ''}`;
    switch (tag) {
      case 'a': {
        const href = absoluteLink(n.getAttribute('href'), this.pageUrl);
        return href ? pad(`[${trimmed.replace(/[[\]]/g, '')}](${href})`) : text;
      }
      case 'strong':
      case 'b':
        return pad(`**${trimmed}**`);
      case 'em':
      case 'i':
        return pad(`_${trimmed}_`);
      default:
        return text;
    }
  }

  private list(el: HTMLElement, numbered: boolean): string {
    const items = el.children.filter((c) => c.tagName.toLowerCase() === 'li');
    return items
      .map((li, i) => {
        const marker = numbered ? `${i + 1}.` : '-';
        const content = this.blocks(li)
          .trim()
          .replace(/\n{2,}/g, '\n')
          .replace(/\n/g, '\n  ');
        return `${marker} ${content}`;
      })
      .filter((line) => line.trim().length > 2)
      .join('\n');
  }

  private table(el: HTMLElement): string {
    const rows = el.querySelectorAll('tr').map((tr) => tr.children.filter((c) => /^t[hd]$/i.test(c.tagName)).map((c) => this.inline(c).trim()));
    const header = el.querySelector('thead tr, tr:first-child')?.querySelector('th') ? rows.shift() : undefined;
    return rows
      .filter((cells) => cells.some(Boolean))
      .map((cells) => `- ${cells.map((c, i) => (header?.[i] ? `${header[i]}: ${c}` : c)).join(', ')}`)
      .join('\n');
  }
}
