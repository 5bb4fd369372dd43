/**
 * Checks the service definitions (services/*.yaml), the bot's service-request settings
 * (knowledge/service-requests.yaml), the gazetteer and the waste data. Exit 1 on any problem.
 *   npm run validate:services
 * SERVICES_DIR, WASTE_DIR and SERVICE_REQUESTS (a file) point it elsewhere (tests do).
 */
import path from 'node:path';
import { ServiceCatalogue } from '../bot/backoffice/serviceCatalogue';
import { Gazetteer } from '../bot/gazetteer/gazetteer';
import { CollectionEvents } from '../bot/waste/collectionEvents';
import { WasteSchedule } from '../bot/waste/wasteSchedule';
import { loadServiceRequestConfig } from '../dialogs/services/serviceRequestConfig';
import { INTENT_NAMES } from '../intents/catalogue';

const root = path.resolve(__dirname, '..');
const problems: string[] = [];
const attempt = <T>(what: string, fn: () => T): T | undefined => {
  try {
    return fn();
  } catch (err) {
    problems.push(`${what}: ${(err as Error).message}`);
    return undefined;
  }
};

const catalogue = ServiceCatalogue.load(process.env.SERVICES_DIR ?? path.join(root, 'services'));
for (const p of catalogue.problems) problems.push(`${path.relative(root, p.file)}: ${p.message}`);
const config = attempt('knowledge/service-requests.yaml', () => loadServiceRequestConfig(process.env.SERVICE_REQUESTS ?? path.join(root, 'knowledge', 'service-requests.yaml')));
for (const [intent, c] of Object.entries(config ?? {})) {
  if (!INTENT_NAMES.includes(intent)) problems.push(`knowledge/service-requests.yaml: ${intent} is not an intent in intents/catalogue.ts`);
  const service = catalogue.find(c.service_code);
  if (!service) problems.push(`knowledge/service-requests.yaml: ${intent} files ${c.service_code}, which services/ does not define`);
  for (const [code, limit] of Object.entries(service ? c.limits : {})) {
    const attribute = service!.attributes.find((a) => a.code === code);
    if (!attribute) problems.push(`knowledge/service-requests.yaml: ${intent} limits: ${c.service_code} has no attribute "${code}"`);
    const from = typeof limit.min === 'string' ? service!.attributes.find((a) => a.code === limit.min) : undefined;
    if (typeof limit.min === 'string' && from?.datatype !== 'multivaluelist') problems.push(`knowledge/service-requests.yaml: ${intent} limits: ${code} min "${limit.min}" must name a multivaluelist attribute`);
  }
  // Urgent advice and refusals must name the service's own attributes and values, or they never apply.
  for (const rule of service ? [...c.urgent, ...c.refuse] : []) {
    for (const [code, key] of Object.entries(rule.when)) {
      const attribute = service!.attributes.find((a) => a.code === code);
      if (!attribute) problems.push(`knowledge/service-requests.yaml: ${intent} urgent/refuse: ${c.service_code} has no attribute "${code}"`);
      else if (!(attribute.values ?? []).some((v) => v.key === key)) problems.push(`knowledge/service-requests.yaml: ${intent} urgent/refuse: "${key}" is not a value of ${code} (${(attribute.values ?? []).map((v) => v.key).join(', ') || 'no values'})`);
    }
  }
}
const gazetteer = attempt('gazetteer/addresses.csv', () => Gazetteer.load(path.join(root, 'gazetteer')));
const wasteDir = process.env.WASTE_DIR ?? path.join(root, 'waste');
const schedule = attempt('waste/', () => WasteSchedule.load(wasteDir));
const events = attempt('waste/collection-events.csv', () => CollectionEvents.load(wasteDir));
if (gazetteer && schedule) {
  const unknown = [...new Set(gazetteer.addresses.map((a) => a.round).filter((r) => !schedule.hasRound(r)))];
  if (unknown.length) problems.push(`gazetteer/addresses.csv: rounds not in waste/rounds.yaml: ${unknown.join(', ')}`);
}
// An event for one address is only found for that address's round: on another round it is silently ignored.
for (const [i, e] of (events?.events ?? []).entries()) {
  const address = e.uprn ? gazetteer?.byUprn(e.uprn) : undefined;
  if (e.uprn && gazetteer && !address) problems.push(`waste/collection-events.csv row ${i + 1}: UPRN ${e.uprn} is not in gazetteer/addresses.csv`);
  if (address && address.round !== e.round) problems.push(`waste/collection-events.csv row ${i + 1}: UPRN ${e.uprn} (${address.paon} ${address.street}) is on round ${address.round}, not ${e.round}`);
}

if (problems.length) {
  process.stderr.write(`${problems.map((p) => `problem: ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`services ok: ${catalogue.services.length} services, ${gazetteer?.addresses.length ?? 0} addresses, ${Object.keys(config ?? {}).length} request conversations\n`);
