import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCouncilProfile } from '../../knowledge/councilProfile';
import { MessageTexts } from '../../knowledge/messageFile';
import { SERVICE_MESSAGES } from '../../knowledge/messageFiles';
import { Gazetteer } from '../../servicerequests/gazetteer/gazetteer';
import { CollectionEvents } from '../../servicerequests/waste/collectionEvents';
import { MissedBinCheck } from '../../servicerequests/waste/missedBinCheck';
import { WasteSchedule } from '../../servicerequests/waste/wasteSchedule';

const WASTE = path.resolve('waste');
const council = loadCouncilProfile(path.resolve('knowledge/council.yaml'));
const check = new MissedBinCheck(WasteSchedule.load(WASTE), CollectionEvents.load(WASTE), 2, new MessageTexts(SERVICE_MESSAGES.shipped(), council));
// 2 High Street: the MON-A round, which took the grey bins on Monday 7 December 2026 and takes the blue ones a week later.
const address = Gazetteer.load(path.resolve('gazetteer')).byUprn('100070000002')!;
const wednesday = new Date('2026-12-09T12:00:00Z');

describe('MissedBinCheck: a bin said to be missed on a day its round came for the other bins', () => {
  it('is not due then: nothing is taken, and its next collection is said', () => {
    const verdict = check.check(address, 'recycling', wednesday, '2026-12-07');
    expect(verdict).toMatchObject({ ok: false, reason: 'not_due' });
    if (verdict.ok) return;
    expect(verdict.message).toContain('general waste');
    expect(verdict.message).toContain('14 December');
  });

  it('takes the bin that was due that day', () => {
    expect(check.check(address, 'general', wednesday, '2026-12-07')).toMatchObject({ ok: true });
  });

  it('takes a day the round did not come at all as said (rounds move)', () => {
    expect(check.check(address, 'recycling', wednesday, '2026-12-08')).toMatchObject({ ok: true });
  });
});
