/**
 * Checks the service definitions (services/*.yaml), the bot's service-request settings
 * (knowledge/service-requests.yaml), the gazetteer and the waste data. Exit 1 on any problem.
 *   npm run validate:services
 * SERVICES_DIR, WASTE_DIR, INTENTS_DIR and SERVICE_REQUESTS (a file) point it elsewhere (tests do).
 * `npm run validate` runs it after the content's checks, in the same process (scripts/validate.ts --services).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { ServiceCatalogue } from '../backoffice/serviceCatalogue';
import { Gazetteer } from '../servicerequests/gazetteer/gazetteer';
import { welshStreetNameProblems } from '../servicerequests/gazetteer/streets';
import { CollectionEvents } from '../servicerequests/waste/collectionEvents';
import { WasteSchedule } from '../servicerequests/waste/wasteSchedule';
import { loadCouncilProfile } from '../knowledge/councilProfile';
import { loadServiceRequestConfig } from '../dialogs/services/serviceRequestConfig';
import { BY_TIME, TIME_NEAR } from '../dialogs/services/slotReader';
import { minutesOf } from '../dialogs/services/slots/readers/clockTime';
import { loadTrainingData } from '../intents/trainingData';
import { DEFAULT_LOCALE } from '../knowledge/intentMessages';
import { SUPPORTED_LOCALES, type Locale } from '../knowledge/locales';
import { overlayFile } from '../knowledge/localeContent';
import { priceProblems } from './lib/requestPrices';

const root = path.resolve(__dirname, '..');

/** The problems found (each a line, naming its file), and the summary printed when there are none. */
function checkServices(): { problems: string[]; summary: string } {
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
  for (const p of catalogue.problems) problems.push(`${path.relative(root, p.file)}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  const requestsFile = process.env.SERVICE_REQUESTS ?? path.join(root, 'knowledge', 'service-requests.yaml');
  const config = attempt('knowledge/service-requests.yaml', () => loadServiceRequestConfig(requestsFile));
  /** "knowledge/service-requests.yaml:57" for a key path in it, so each mistake can be found. */
  const where = (() => {
    const lines = new LineCounter();
    let doc: ReturnType<typeof parseDocument> | undefined;
    try {
      doc = parseDocument(fs.readFileSync(requestsFile, 'utf8'), { lineCounter: lines });
    } catch {
      doc = undefined;
    }
    return (at: (string | number)[]): string => {
      // A top-level key is found at its own line (its value starts on the next).
      const top = at.length === 1 && doc && isMap(doc.contents) ? doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === at[0]) : undefined;
      if (top && isNode(top.key) && top.key.range) return `knowledge/service-requests.yaml:${lines.linePos(top.key.range[0]).line}`;
      for (let n = at.length; n > 0 && doc; n--) {
        const node = doc.getIn(at.slice(0, n), true);
        if (isNode(node) && node.range) return `knowledge/service-requests.yaml:${lines.linePos(node.range[0]).line}`;
      }
      return 'knowledge/service-requests.yaml';
    };
  })();
  // A service's intent is one the assistant is trained on: a training file of intents/data (its `intent:`), data like the service.
  const intentsDir = process.env.INTENTS_DIR ?? path.join(root, 'intents', 'data');
  const trained = new Set(loadTrainingData(intentsDir).intents.map((i) => i.intent));
  for (const [intent, c] of Object.entries(config ?? {})) {
    if (!trained.has(intent))
      problems.push(
        `${where([intent])}: ${intent} is not an intent: ${path.relative(root, intentsDir) || '.'} has no training file for it (add ${intent}.yaml there)`,
      );
    const service = catalogue.find(c.service_code);
    if (c.article && !fs.existsSync(path.join(root, 'knowledge', 'articles', `${c.article}.md`)))
      problems.push(`${where([intent, 'article'])}: ${intent} article: knowledge/articles has no ${c.article}.md`);
    if (!service) problems.push(`knowledge/service-requests.yaml: ${intent} files ${c.service_code}, which services/ does not define`);
    for (const [code, limit] of Object.entries(service ? c.limits : {})) {
      const attribute = service!.attributes.find((a) => a.code === code);
      if (!attribute) problems.push(`knowledge/service-requests.yaml: ${intent} limits: ${c.service_code} has no attribute "${code}"`);
      const from = typeof limit.min === 'string' ? service!.attributes.find((a) => a.code === limit.min) : undefined;
      if (typeof limit.min === 'string' && from?.datatype !== 'multivaluelist')
        problems.push(`knowledge/service-requests.yaml: ${intent} limits: ${code} min "${limit.min}" must name a multivaluelist attribute`);
    }
    // Urgent advice and refusals must name the service's own attributes and values, or they never apply.
    for (const rule of service ? [...c.urgent, ...c.refuse] : []) {
      for (const [code, key] of Object.entries(rule.when)) {
        const attribute = service!.attributes.find((a) => a.code === code);
        if (!attribute) problems.push(`knowledge/service-requests.yaml: ${intent} urgent/refuse: ${c.service_code} has no attribute "${code}"`);
        else if (!(attribute.values ?? []).some((v) => v.key === key))
          problems.push(
            `knowledge/service-requests.yaml: ${intent} urgent/refuse: "${key}" is not a value of ${code} (${(attribute.values ?? []).map((v) => v.key).join(', ') || 'no values'})`,
          );
      }
    }
  }
  // What residents say (understands) and the short names (labels) must name the service's own attributes and values.
  for (const [intent, c] of Object.entries(config ?? {})) {
    const service = catalogue.find(c.service_code);
    if (!service) continue;
    for (const code of Object.keys(c.labels)) {
      if (!service.attributes.some((a) => a.code === code))
        problems.push(`${where([intent, 'labels', code])}: ${intent} labels: ${c.service_code} has no attribute "${code}"`);
    }
    for (const [code, est] of Object.entries(c.estimates)) {
      const attribute = service.attributes.find((a) => a.code === code);
      const from = service.attributes.find((a) => a.code === est.from);
      if (!attribute) problems.push(`${where([intent, 'estimates', code])}: ${intent} estimates: ${c.service_code} has no attribute "${code}"`);
      if (from?.datatype !== 'multivaluelist')
        problems.push(
          `${where([intent, 'estimates', code, 'from'])}: ${intent} estimates ${code}: from "${est.from}" must name a multivaluelist attribute of ${c.service_code}`,
        );
      for (const [i, band] of est.bands.entries()) {
        if (attribute && !(attribute.values ?? []).some((v) => v.key === band.value))
          problems.push(`${where([intent, 'estimates', code, 'bands', i])}: ${intent} estimates ${code}: "${band.value}" is not a value of ${code}`);
        if (band.up_to === undefined && i < est.bands.length - 1)
          problems.push(`${where([intent, 'estimates', code, 'bands', i])}: ${intent} estimates ${code}: only the last band may leave out up_to`);
      }
    }
    if (c.cost) {
      if (service.attributes.find((a) => a.code === c.cost!.from)?.datatype !== 'number')
        problems.push(`${where([intent, 'cost', 'from'])}: ${intent} cost: from "${c.cost.from}" must name a number attribute of ${c.service_code}`);
      for (const [i, band] of c.cost.bands.entries())
        if (band.up_to === undefined && i < c.cost.bands.length - 1)
          problems.push(`${where([intent, 'cost', 'bands', i])}: ${intent} cost: only the last band may leave out up_to`);
    }
    for (const [code, byKey] of Object.entries(c.understands)) {
      const attribute = service.attributes.find((a) => a.code === code);
      if (!attribute) {
        problems.push(`${where([intent, 'understands', code])}: ${intent} understands: ${c.service_code} has no attribute "${code}"`);
        continue;
      }
      const list = attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist';
      const allowed = list
        ? [...(attribute.values ?? []).map((v) => v.key), 'unclear', ...(yesNo(attribute) ? [BY_TIME, TIME_NEAR] : [])]
        : attribute.datatype === 'number'
          ? ['near']
          : attribute.datatype === 'string'
            ? ['near', ...(attribute.required ? [] : ['skip'])]
            : attribute.datatype === 'text'
              ? ['answer', ...(attribute.required ? [] : ['skip'])]
              : [];
      const seen = new Map<string, string>();
      for (const [key, phrases] of Object.entries(byKey)) {
        if (!allowed.includes(key)) {
          problems.push(
            `${where([intent, 'understands', code, key])}: ${intent} understands ${code}: "${key}" is not ${list ? 'a value of' : 'a key for'} ${code} (${allowed.join(', ') || 'nothing is read for a ' + attribute.datatype})`,
          );
          continue;
        }
        if (key === BY_TIME) {
          if (phrases.length !== 1 || minutesOf(phrases[0]) === undefined)
            problems.push(`${where([intent, 'understands', code, key])}: ${intent} understands ${code}: ${BY_TIME} is one time, like "07:00"`);
          continue;
        }
        if (key === TIME_NEAR) continue;
        for (const [i, phrase] of phrases.entries()) {
          const folded = phrase.toLowerCase().replace(/['’]/g, '').trim();
          // The same words for two values of one attribute would make every message that says them ambiguous.
          if (list && seen.has(folded) && seen.get(folded) !== key)
            problems.push(
              `${where([intent, 'understands', code, key, i])}: ${intent} understands ${code}: "${phrase}" is under both ${seen.get(folded)} and ${key}`,
            );
          seen.set(folded, key);
        }
      }
    }
  }
  const gazetteer = attempt('gazetteer/addresses.csv', () => Gazetteer.load(path.join(root, 'gazetteer')));
  const wasteDir = process.env.WASTE_DIR ?? path.join(root, 'waste');
  const schedule = attempt('waste/', () => WasteSchedule.load(wasteDir));
  const events = attempt('waste/collection-events.csv', () => CollectionEvents.load(wasteDir));
  // Each language the council declares besides English: the waste data's words in it (waste/<locale>/words.yaml).
  const languages = attempt(
    'knowledge/council.yaml',
    () => loadCouncilProfile(process.env.COUNCIL_PROFILE ?? path.join(root, 'knowledge', 'council.yaml')).languages,
  );
  for (const locale of (languages ?? []).slice(1)) {
    try {
      schedule?.inLanguage(wasteDir, locale);
      events?.inLanguage(wasteDir, locale);
    } catch (err) {
      problems.push((err as Error).message); // it names the file
    }
  }
  // The prices a request states (its notice, its summary's cost) must be its article's, in every declared language.
  for (const locale of config
    ? [DEFAULT_LOCALE, ...(languages ?? []).slice(1)].filter((l): l is Locale => (SUPPORTED_LOCALES as readonly string[]).includes(l))
    : []) {
    // Another language's own settings, when it has them (a missing file is the language checks' problem: npm run validate).
    if (locale !== DEFAULT_LOCALE && !fs.existsSync(overlayFile(requestsFile, locale))) continue;
    const own = locale === DEFAULT_LOCALE ? config : attempt(`knowledge/${locale}/service-requests.yaml`, () => loadServiceRequestConfig(requestsFile, locale));
    for (const [intent, c] of Object.entries(own ?? {})) {
      const article = c.article && path.join(root, 'knowledge', 'articles', ...(locale === DEFAULT_LOCALE ? [] : [locale]), `${c.article}.md`);
      if (!article || !fs.existsSync(article)) continue; // a missing article is its own problem
      for (const p of priceProblems(intent, c, fs.readFileSync(article, 'utf8')))
        problems.push(`${locale === DEFAULT_LOCALE ? where([intent, ...p.at]) : `knowledge/${locale}/service-requests.yaml`}: ${p.message}`);
    }
  }
  // The streets' Welsh names (street_cy): one per street, found by Welsh messages, none another street's name.
  for (const p of welshStreetNameProblems(gazetteer?.addresses ?? [])) problems.push(`gazetteer/addresses.csv: ${p}`);
  if (gazetteer && schedule) {
    const unknown = [...new Set(gazetteer.addresses.map((a) => a.round).filter((r) => !schedule.hasRound(r)))];
    if (unknown.length) problems.push(`gazetteer/addresses.csv: rounds not in waste/rounds.yaml: ${unknown.join(', ')}`);
  }
  // An event for one address is only found for that address's round: on another round it is silently ignored.
  for (const [i, e] of (events?.events ?? []).entries()) {
    const address = e.uprn ? gazetteer?.byUprn(e.uprn) : undefined;
    if (e.uprn && gazetteer && !address) problems.push(`waste/collection-events.csv row ${i + 1}: UPRN ${e.uprn} is not in gazetteer/addresses.csv`);
    if (address && address.round !== e.round)
      problems.push(
        `waste/collection-events.csv row ${i + 1}: UPRN ${e.uprn} (${address.paon} ${address.street}) is on round ${address.round}, not ${e.round}`,
      );
  }
  return {
    problems,
    summary: `services ok: ${catalogue.services.length} services, ${gazetteer?.addresses.length ?? 0} addresses, ${Object.keys(config ?? {}).length} request conversations\n`,
  };
}

/** Prints the problems (exit code 1) or the summary. */
export function reportServices(): void {
  const { problems, summary } = checkServices();
  if (problems.length) {
    process.stderr.write(`${problems.map((p) => `problem: ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write(summary);
}

if (require.main === module) reportServices();

/** A list whose values are "yes" and "no": it may be asked about a time (`by_time`, `time_near`). */
function yesNo(attribute: { values?: { key: string }[] }): boolean {
  const keys = (attribute.values ?? []).map((v) => v.key);
  return keys.includes('yes') && keys.includes('no');
}
