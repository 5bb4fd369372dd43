import { describe, expect, it } from 'vitest';
import { ClarifyDialog, type ClarifyResult } from '../../dialogs/clarifyDialog';
import { Responses } from '../../dialogs/responses';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import path from 'node:path';
import { ROOT } from '../support/assistant';
import { LoneDialog } from '../support/loneDialog';
import { shippedButtons, shippedVocabulary } from '../support/shippedWords';

const responses = new Responses(loadCouncilProfile(path.join(ROOT, 'knowledge', 'council.yaml')), shippedButtons());
const options = [
  { target: 'report_pothole', label: 'Report a pothole' },
  { target: 'report_flytipping', label: 'Report fly-tipping' },
];

async function answer(text: string): Promise<{ result: ClarifyResult; first: string[] }> {
  const dialog = new LoneDialog(new ClarifyDialog(responses, shippedVocabulary()), { options });
  const first = await dialog.send('rubbish in the road');
  await dialog.send(text);
  return { result: dialog.result as ClarifyResult, first: first?.suggestedActions?.actions.map((a: { title: string }) => a.title) ?? [] };
}

describe('ClarifyDialog', () => {
  it('offers the guesses and "Something else" as buttons', async () => {
    const { first } = await answer('1');
    expect(first).toEqual(['Report a pothole', 'Report fly-tipping', 'Something else']);
  });

  it.each([
    ['1', { kind: 'chosen', target: 'report_pothole' }],
    ['2.', { kind: 'chosen', target: 'report_flytipping' }],
    ['report FLY-TIPPING', { kind: 'chosen', target: 'report_flytipping' }],
    ['Something else', { kind: 'somethingElse' }],
    ['3', { kind: 'somethingElse' }],
    ['actually when is my bin day', { kind: 'reroute' }],
    ['7', { kind: 'reroute' }],
  ])('understands %j', async (text, expected) => {
    expect((await answer(text)).result).toEqual(expected);
  });
});
