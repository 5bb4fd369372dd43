/**
 * A request's prices must agree with its article's. The bulky-waste prices are written where each is read: the article
 * (what a resident asking "how much is it?" is told), the request's notice and its summary's cost bands
 * (knowledge/service-requests.yaml). One source would mean generating prose from numbers, which the content designers
 * write by hand in each language; so `npm run validate:services` checks that the amounts agree instead.
 */
import { splitFrontMatter } from '../../knowledge/articleLoader';
import type { ServiceRequestConfig } from '../../dialogs/services/serviceRequestConfig';

/** "£30", "£ 30.00" and "£30.50" as "£30", "£30" and "£30.50": the amounts of money a text states. */
export function amountsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/£\s?(\d[\d,]*)(?:\.(\d{2}))?/g)) {
    const pounds = m[1].replace(/,/g, '');
    found.add(`£${pounds}${m[2] && m[2] !== '00' ? `.${m[2]}` : ''}`);
  }
  return found;
}

/**
 * What disagrees between one request's settings and its article (the article's markdown, front matter and all):
 * an amount in the notice or the cost bands that the article does not state, and, when the request has cost bands,
 * an amount the article states that no band does (a price added or changed in the article only).
 */
export function priceProblems(intent: string, config: ServiceRequestConfig, articleSource: string): { at: (string | number)[]; message: string }[] {
  const body = splitFrontMatter(articleSource)?.body ?? articleSource;
  const inArticle = amountsIn(body);
  const bands = config.cost?.bands ?? [];
  const problems: { at: (string | number)[]; message: string }[] = [];
  const said: [(string | number)[], Set<string>][] = [
    [['notice'], amountsIn(config.notice ?? '')],
    ...bands.map((b, i): [(string | number)[], Set<string>] => [['cost', 'bands', i], amountsIn(b.say)]),
  ];
  for (const [at, amounts] of said)
    for (const amount of amounts)
      if (!inArticle.has(amount)) problems.push({ at, message: `${intent} ${at[0]}: ${amount} is not a price the article ${config.article} states` });
  const inBands = new Set(bands.flatMap((b) => [...amountsIn(b.say)]));
  if (config.cost)
    for (const amount of inArticle)
      if (!inBands.has(amount))
        problems.push({ at: ['cost'], message: `${intent} cost: the article ${config.article} states ${amount}, which no cost band says` });
  return problems;
}
