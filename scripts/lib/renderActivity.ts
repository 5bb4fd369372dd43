import type { Activity, Attachment, CardAction } from 'botbuilder';

/** What a terminal shows for one bot activity: text, cards as readable text, and numbered choices. */
export interface Rendered {
  lines: string[];
  choices: CardAction[];
}

interface AdaptiveElement {
  type?: string;
  text?: string;
  title?: string;
  value?: string;
  label?: string;
  facts?: Array<{ title?: string; value?: string }>;
  items?: AdaptiveElement[];
  columns?: AdaptiveElement[];
  body?: AdaptiveElement[];
  actions?: AdaptiveElement[];
  choices?: Array<{ title?: string; value?: string }>;
  data?: unknown;
  url?: string;
  id?: string;
  placeholder?: string;
}

function adaptiveLines(el: AdaptiveElement, out: string[], actions: CardAction[]): void {
  if (el.type === 'TextBlock' && el.text) out.push(el.text);
  if (el.type === 'FactSet') for (const f of el.facts ?? []) out.push(`${f.title ?? ''}: ${f.value ?? ''}`);
  if (el.type?.startsWith('Input.'))
    out.push(`[${el.label ?? el.placeholder ?? el.id ?? 'input'}]${el.choices ? ` ${el.choices.map((c) => c.title).join(' / ')}` : ''}`);
  for (const child of [...(el.body ?? []), ...(el.items ?? []), ...(el.columns ?? [])]) adaptiveLines(child, out, actions);
  for (const a of el.actions ?? []) {
    if (a.type === 'Action.OpenUrl') out.push(`${a.title}: ${a.url}`);
    else actions.push({ type: 'messageBack', title: a.title ?? 'Submit', value: a.data, text: typeof a.data === 'string' ? a.data : undefined });
  }
}

function attachmentLines(att: Attachment, out: string[], actions: CardAction[]): void {
  const content = att.content as Record<string, unknown> | undefined;
  if (att.contentType === 'application/vnd.microsoft.card.adaptive' && content) {
    adaptiveLines(content, out, actions);
  } else if (att.contentType?.startsWith('application/vnd.microsoft.card.') && content) {
    for (const key of ['title', 'subtitle', 'text']) if (typeof content[key] === 'string') out.push(content[key]);
    for (const b of (content.buttons as CardAction[] | undefined) ?? []) actions.push(b);
  } else {
    out.push(`[attachment: ${att.name ?? att.contentType}]`);
  }
}

export function renderActivity(activity: Partial<Activity>): Rendered {
  const lines: string[] = [];
  const choices: CardAction[] = [];
  if (activity.type === 'typing' || activity.type === 'trace') return { lines, choices };
  if (activity.type === 'event') return { lines: [`(event ${activity.name ?? ''})`], choices };
  if (activity.text) lines.push(activity.text);
  for (const att of activity.attachments ?? []) attachmentLines(att, lines, choices);
  choices.push(...(activity.suggestedActions?.actions ?? []));
  return { lines, choices };
}
