import { handoffLocale } from '../dialogs/handoffLocale';
import type { HandoffContext } from '../dialogs/handoffTypes';
import type { ConsoleTexts } from '../knowledge/messageFiles';

/** "Create case" as the console fills it in: the agent checks it and sends it. */
export interface CaseDraft {
  summary: string;
  /** The service's name ("Pothole or road defect"); empty when no request was being made. */
  service: string;
  /** The back office's service code, sent with the case while the service is left as it is. */
  serviceCode?: string;
  /** Each answered question with its answer, one a line ("About how wide is it, in centimetres? 30"). */
  answers: string;
  /** The place as resolved: the address, or the resident's description of it. */
  location: string;
  /** The address's UPRN, sent with the case while the location is left as it is. */
  uprn?: string;
  /** Details the resident gave for the report. */
  description: string;
  references: string;
  contact: string;
  /** The resident's language, 'en-GB' or 'cy-GB': sent with the case, so the council replies in it. */
  language: string;
}

/** Keys of what was captured that are places a dialog settled (never a postcode the recognizer merely read). */
const PLACE = /address|street|location|place/i;
const REFERENCE = /reference|caseref|case_ref/i;
const CONTACT = /email|phone|contact|^name$/i;

function pick(captured: Record<string, string>, re: RegExp): string {
  return [
    ...new Set(
      Object.entries(captured)
        .filter(([k]) => re.test(k))
        .map(([, v]) => v),
    ),
  ].join(', ');
}

/**
 * The "Create case" form pre-filled from a handoff: with a service request in progress or just
 * filed, its service, answers, place as resolved, details and contact details; otherwise what the
 * dialogs captured. A postcode the recognizer read is never taken for the location.
 */
export function caseDraft(summary: string, c: HandoffContext, words: ConsoleTexts): CaseDraft {
  const request = c.brief?.request;
  const captured = c.captured ?? {};
  if (!request) {
    const intent = c.recognizer?.intent;
    return {
      summary,
      service: pick(captured, /service|category/i) || (intent && intent !== 'human_handoff' && intent !== 'none' ? intent : ''),
      answers: '',
      location: pick(captured, PLACE),
      description: c.brief?.concern.words ?? '',
      references: pick(captured, REFERENCE),
      contact: pick(captured, CONTACT),
      language: handoffLocale(c.language),
    };
  }
  const place = request.location;
  const location = place ? (place.kind === 'postcode' ? words.say('case_postcode_only', { postcode: place.postcode }) : place.text) : '';
  const contact = request.contact ? [request.contact.name, request.contact.email, request.contact.phone].filter(Boolean).join(', ') : pick(captured, CONTACT);
  return {
    summary,
    service: request.serviceName,
    serviceCode: request.serviceCode,
    answers: request.fields.map((f) => `${f.label} ${f.answer}`).join('\n'),
    location,
    ...(place?.kind === 'address' ? { uprn: place.uprn } : {}),
    description: request.description ?? '',
    references: [request.reference, pick(captured, REFERENCE)].filter(Boolean).join(', '),
    contact,
    language: handoffLocale(c.language),
  };
}
