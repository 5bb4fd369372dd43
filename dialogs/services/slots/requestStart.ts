import { randomUUID } from 'node:crypto';
import type { RecognizerResult } from '../../../intents/recognizer';
import type { Logger } from '../../../platform/logger';
import type { Open311Client } from '../../../servicerequests/open311/open311Client';
import type { ServiceAttribute } from '../../../servicerequests/open311/types';
import type { Location } from '../addressLookup';
import type { ServiceRequestConfig } from '../serviceRequestConfig';
import { ServiceWords } from '../serviceWords';
import { MAX_STRING } from './limits';
import type { SlotState } from './slotState';

/** How a request dialog is begun: the message that started it, the last place filed, answers kept from a corrected start, a person asked for. */
export interface RequestStartOptions {
  recognized?: RecognizerResult;
  lastPlace?: Location;
  answers?: SlotState['answers'];
  personAsked?: boolean;
}

/** The service as the back office offers it: its name and the questions it asks, in the resident's words. */
export type ServiceDefinition = { ok: true; serviceName: string; attributes: ServiceAttribute[] } | { ok: false; serviceName: string; error: Error };

/** Where a service's definition comes from. */
export interface DefinitionSource {
  client: Open311Client;
  /** Where a back office that cannot give the service's definition is told to staff (the resident is told it is unavailable). */
  logger?: Logger;
  /** The resident's language's words for the service (its name, questions and choices); the back office's as they are without it. */
  serviceWords?: ServiceWords;
}

/**
 * The service's definition from the back office (GeoReport `services` and `services/<code>`): the
 * attributes a resident answers (not the ones the back office fills, nor `client_reference`), named
 * in the resident's language (`serviceWords`). Not offered, or the back office not answering: `ok: false`,
 * with the best name known for telling the resident, and a warning logged (the request is not started).
 */
export async function serviceDefinition(
  { client, logger, serviceWords: words = ServiceWords.none() }: DefinitionSource,
  serviceCode: string,
): Promise<ServiceDefinition> {
  let serviceName = serviceCode;
  try {
    const summary = (await client.services()).find((s) => s.service_code === serviceCode);
    if (!summary) throw new Error(`service ${serviceCode} is not offered by the back office`);
    serviceName = words.name(serviceCode, summary.service_name);
    const sent = (await client.definition(serviceCode)).attributes.filter((a) => a.variable && a.code !== 'client_reference');
    return { ok: true, serviceName, attributes: words.attributes(serviceCode, sent) };
  } catch (err) {
    logger?.warn({ serviceCode, err: (err as Error).message }, 'service definition unavailable: the request was not started');
    return { ok: false, serviceName, error: err as Error };
  }
}

/** A request's state at its start (nothing asked yet): what `options` carry over, and the message that opened it, for a person taking over. */
export function startingState(
  intent: string,
  config: ServiceRequestConfig,
  service: { serviceName: string; attributes: ServiceAttribute[] },
  options: RequestStartOptions = {},
): SlotState {
  const { recognized, lastPlace, answers, personAsked } = options;
  return {
    intent,
    serviceCode: config.service_code,
    serviceName: service.serviceName,
    config,
    attributes: service.attributes,
    // A request started again after a correction of its place keeps what was said before (the message read next may change it).
    answers: { ...answers },
    locationStage: 'postcode',
    multi: [],
    prechecked: false,
    instanceId: randomUUID(),
    ...(personAsked ? { personAsked } : {}),
    ...(recognized?.text ? { openedWith: recognized.text.slice(0, MAX_STRING) } : {}),
    ...(lastPlace && (lastPlace.kind === 'address' || config.location === 'street') ? { lastPlace } : {}),
  };
}
