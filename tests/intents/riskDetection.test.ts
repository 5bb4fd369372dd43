import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRiskTaxonomy, readRiskTaxonomy, RISK_CATEGORIES } from '../../intents/riskTaxonomy';
import { loadArticles } from '../../knowledge/articleLoader';
import { SafeguardingDetector } from '../../intents/safeguardingDetector';
import type { RiskClassifier, RiskGuess } from '../../intents/riskClassifier';
import { loadSafeguardingRuleSet } from '../../intents/safeguardingRules';
import { loadTrainingData } from '../../intents/trainingData';
import type { Router } from '../../dialogs/router';
import type { LocalRecognizer } from '../../intents/localRecognizer';
import { ROOT, testAssistant } from '../support/assistant';

const TAXONOMY = path.join(ROOT, 'intents', 'risk-taxonomy.yaml');
const RULES = path.join(ROOT, 'intents', 'safeguarding-rules.yaml');

describe('risk taxonomy (intents/risk-taxonomy.yaml)', () => {
  it('lists the five categories, most urgent first, each with an action and help', () => {
    const t = loadRiskTaxonomy(TAXONOMY);
    expect(t.categories.map((c) => c.id)).toEqual(['immediate_danger', 'suicide_self_harm', 'domestic_abuse', 'child_at_risk', 'adult_at_risk']);
    for (const c of t.categories) expect(c.help.length).toBeGreaterThan(0);
    expect(t.helplines.gas.number).toBe('0800 111 999');
    expect(t.helplines.modern_slavery.number).toBe('08000 121 700');
  });

  it('names the file and line of each mistake', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'risk-taxonomy-'));
    const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    try {
      const unknownKey = fs.readFileSync(TAXONOMY, 'utf8').replace('    urgency: today\n', '    urgency: today\n    colour: red\n');
      fs.writeFileSync(path.join(dir, 'a.yaml'), unknownKey);
      const a = readRiskTaxonomy(path.join(dir, 'a.yaml'));
      expect(a.taxonomy).toBeUndefined();
      expect(a.problems).toEqual([
        expect.objectContaining({ file: path.join(dir, 'a.yaml'), line: lineOf(unknownKey, 'colour: red'), message: expect.stringMatching(/colour/) }),
      ]);

      const badHelpline = fs.readFileSync(TAXONOMY, 'utf8').replace('{helpline:samaritans}: talk to someone', '{helpline:samaritanz}: talk to someone');
      fs.writeFileSync(path.join(dir, 'b.yaml'), badHelpline);
      const b = readRiskTaxonomy(path.join(dir, 'b.yaml'));
      expect(b.problems).toEqual([
        expect.objectContaining({ line: lineOf(badHelpline, 'samaritanz'), message: expect.stringMatching(/samaritanz.*not a helpline/) }),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rules for risk to others and said indirectly (rules alone)', () => {
  const { rules, idioms, spellings } = loadSafeguardingRuleSet(RULES);
  const taxonomy = loadRiskTaxonomy(TAXONOMY);
  const rulesOnly = new SafeguardingDetector(rules, { classifierThreshold: 2, taxonomy, idioms, spellings });
  // The rules with every gate of the rules file: a danger told as over, a risk as a subject (the classifiers off).
  const { past, subject } = loadSafeguardingRuleSet(RULES);
  const withGates = new SafeguardingDetector(rules, { classifierThreshold: 2, taxonomy, idioms, spellings, past, subject });
  /** Each near miss is quiet with every gate of the rules file, and each risk is caught in its category. */
  const quietAndCaught = (quiet: string[], risk: Array<[string, string]>) => {
    for (const text of quiet) expect(withGates.check(text).risk, text).toBe(false);
    for (const [text, category] of risk) expect(withGates.check(text).categories ?? [], text).toContain(category);
  };

  it.each([
    ['black smoke is coming up our stairwell from the ground floor', 'immediate_danger'],
    ['theres a strong whiff of gas on the landing by the lifts', 'immediate_danger'],
    ['the carbon monoxide alarm is beeping and the children feel sick', 'immediate_danger'],
    ['a man has collapsed in the alley with a syringe next to him', 'immediate_danger'],
    ['a toddler is on his own by the main road', 'immediate_danger'],
    ['somebody has fallen in the canal', 'immediate_danger'],
    ['i have written goodbye letters to my family', 'suicide_self_harm'],
    ['i wont be a burden to anyone much longer', 'suicide_self_harm'],
    ['my friend sent a goodbye message and now her phone is off', 'suicide_self_harm'],
    ['a man online is grooming my daughter', 'child_at_risk'],
    ['my son is caught up in county lines', 'child_at_risk'],
    ['dealers have cuckooed the flat of the disabled man upstairs', 'adult_at_risk'],
    ['the car wash workers sleep at the car wash and get no pay', 'adult_at_risk'],
    ['my 90 year old neighbour has no heating and no food', 'adult_at_risk'],
    ['my dad has dementia and was wandering the streets at night', 'adult_at_risk'],
    ['my neighbour has not been seen for days', 'adult_at_risk'],
    ['she is a hoarder and the papers are piled against the heater, its a fire risk', 'adult_at_risk'],
    ['my partner takes my bank card and wont let me see my friends', 'domestic_abuse'],
    ['two lads are kicking a man on the floor outside the chip shop', 'immediate_danger'],
    ['there are two dogs locked in a hot car at the retail park', 'immediate_danger'],
    ['i keep staring at the tablets on the side', 'suicide_self_harm'],
    ['smoke is coming from the flat next door and nobody answers', 'immediate_danger'],
    ['the wheelie bins are on fire right up against the school gates and the kids are inside', 'immediate_danger'],
    ['our hallway is filling with black smoke', 'immediate_danger'],
    ['an old lady has just been knocked down by a van on the high street', 'immediate_danger'],
    ['a boy went under at the reservoir and has not come back up', 'immediate_danger'],
    ['theres a man standing on the parapet of the motorway bridge', 'immediate_danger'],
    ['someone pushed petrol through our letter box last night and were scared they come back', 'immediate_danger'],
    ['the kids dug up a grenade on the allotment', 'immediate_danger'],
    ['the bedroom ceiling is caving in onto the cot', 'immediate_danger'],
    ['an old man is lying on the pavement by the bus stop and is not responding', 'immediate_danger'],
    ['the baby has gone a strange blue colour', 'immediate_danger'],
    ['the flood water has come in and my gran is trapped upstairs', 'immediate_danger'],
  ])('%j is %s', (text, category) => {
    const v = rulesOnly.check(text);
    expect(v.risk).toBe(true);
    expect(v.categories).toContain(category);
  });

  it.each([
    'im killing myself laughing at this',
    'this pothole is a death trap',
    'my bin is killing me, its so heavy',
    'the fire door on our landing does not close',
    'an overdose of junk mail every day',
    'i could kill my husband when he forgets the bins, what day are they',
    'nearly died of embarrassment when the bin men saw all my bottles',
    'the parking charges are bleeding us dry',
    'the smoke alarm on my landing keeps chirping, can someone change the battery',
    'my grandson keeps beating me at chess at the library club',
    'the kids have been looking at the tablets in the library, can they borrow one',
    'barbecue smoke from next doors garden fills our flat every night',
    'who checks the fire alarms in our block of flats',
    'e-bikes can catch fire, are they allowed in the flats',
    'smell of burning toast set off the alarm in our block again',
    'how do I book a home fire safety visit for my dad',
    'who does the house fire risk checks for council flats',
    'the bridge railings need painting, theyre rusty',
    'the road by the ford floods every winter, can you put a sign up',
    'my hair has gone grey waiting on hold',
    'my cat was hit by a car, do you collect pets from the road',
    'the traffic wardens are stalking our street every morning',
    'the bailiffs keep threatening me over the council tax arrears',
    'the junction by the retail park is a suicide junction at rush hour',
    'cycling down Mill Road is literally suicide with those potholes',
    'my husband will kill me if I miss the bulky waste slot again',
    'letting agents are exploiting tenants with these fees',
  ])('an idiom is not a risk: %j', (text) => {
    expect(rulesOnly.check(text).risk).toBe(false);
  });

  it.each([
    ['sum1 is tryna kick my door in n im scared', 'immediate_danger'],
    ['pls hlp my mum is not breathin', 'immediate_danger'],
    ['ther r flames comin out of the shop', 'immediate_danger'],
  ])('text-speak is spelled out before checking: %j', (text, category) => {
    expect(rulesOnly.check(text).categories).toContain(category);
    expect(new SafeguardingDetector(rules, { classifierThreshold: 2, taxonomy, idioms }).check(text).categories ?? []).not.toContain(category);
  });

  it('a danger to life told as long past is left to the risk classifier; the same danger now is caught', () => {
    const set = loadSafeguardingRuleSet(RULES);
    const withPast = new SafeguardingDetector(set.rules, { classifierThreshold: 2, taxonomy, idioms: set.idioms, spellings: set.spellings, past: set.past });
    expect(withPast.check('there was a fire in the bin store last month and my wheelie bin melted, can i get a new one').risk).toBe(false);
    expect(withPast.check('the bin store is on fire').risk).toBe(true);
    expect(withPast.check('the bin store was on fire last month and it is on fire again now').risk).toBe(true);
    // any category gives way when it is told as over; a harm that goes on is still a risk
    expect(withPast.check('my brother took an overdose years ago and he is doing brilliantly now, can he get a bus pass').risk).toBe(false);
    expect(withPast.check('my husband hit me last year and i am still scared of him').risk).toBe(true);
    expect(withPast.check('my ex hit me last year and he is back now').risk).toBe(true);
    expect(withPast.check('we smelt gas on the landing, the engineer came out and capped it, all safe now, who fixes the path').risk).toBe(false);
    expect(withPast.check('i was in a refuge a few years back and im now settled, can i get on the housing register').risk).toBe(false);
    expect(withPast.check('i was in a refuge a few years back and now hes found me again').risk).toBe(true);
  });

  it('a risk spoken of as a subject (study, training, giving, a statement) is left to the risk classifier; an immediate danger never is', () => {
    const set = loadSafeguardingRuleSet(RULES);
    const withSubject = new SafeguardingDetector(set.rules, {
      classifierThreshold: 2,
      taxonomy,
      idioms: set.idioms,
      spellings: set.spellings,
      subject: set.subject,
    });
    const withoutSubject = new SafeguardingDetector(set.rules, { classifierThreshold: 2, taxonomy, idioms: set.idioms, spellings: set.spellings });
    for (const text of [
      'im writing my dissertation about county lines, can i talk to someone in youth services',
      'does the taxi licence include suicide prevention training',
      'can we donate toys to the womens refuge',
      'im writing a novel about domestic abuse, who at the council could i talk to',
      'is the council really cutting funding to the womens refuges?',
    ]) {
      expect(withoutSubject.check(text).risk, text).toBe(true);
      expect(withSubject.explain(text).asSubject, text).toBe(true);
      expect(withSubject.check(text).risk, text).toBe(false);
    }
    expect(withSubject.check('the training centre on mill lane is on fire').risk).toBe(true);
    expect(withSubject.check('i need a refuge tonight, my husband hits me').risk).toBe(true);
    expect(withSubject.check('he cut off my money and now he is threatening me').risk).toBe(true);
  });

  it('naming domestic abuse in a professional or information question is not a risk, unless the resident says it is theirs', () => {
    expect(rulesOnly.check('does the council run domestic abuse awareness training for staff? i manage a team').risk).toBe(false);
    expect(rulesOnly.check('what is the domestic abuse policy for housing').risk).toBe(false);
    expect(rulesOnly.check('what is your policy on rehousing victims of domestic abuse, i am one').risk).toBe(true);
    expect(rulesOnly.check('my husband is abusive, whats your domestic abuse policy').risk).toBe(true);
    expect(rulesOnly.check('domestic abuse').risk).toBe(true);
  });

  it('an idiom is taken out, and the rest of the message is still checked', () => {
    expect(rulesOnly.check('killing myself laughing earlier but honestly i want to die').risk).toBe(true);
  });

  it('frustration with a service is a figure of speech; despair said on its own, or with more, is still read', () => {
    expect(rulesOnly.explain('at the end of my tether with the housing website, how do I check my place on the list').folded).not.toMatch(/tether/);
    expect(rulesOnly.explain('losing the will to live on hold to the council tax line').folded).not.toMatch(/will to live/);
    expect(rulesOnly.explain('going round in circles with your online form').folded).not.toMatch(/circles/);
    expect(rulesOnly.explain('im at the end of my rope').folded).toMatch(/end of my rope/);
    expect(rulesOnly.check('at the end of my tether with housing and i want to die').risk).toBe(true);
  });

  it('an alarming word used about something else is not a risk; the situation it names still is', () => {
    const quiet = [
      'i want to do things right, do i need a licence to rent out my spare room',
      'the children want to know where the bombs fell in anytown in the war',
      'the road is flooded by the school but nobody is in danger, who clears the drains',
      'we run a night shelter and want to talk to your rough sleeping outreach team',
      'the trafficking outside the retail park is terrible, traffic queues every evening',
      'the disabled toilet key is being abused, how do i get my own',
      'who gives permission for the hoarding around the old library',
      'the broken railings have sharp edges, kids could cut themselves on them',
      'my husband left the bins out again, i could kill him, when is collection day',
      'id rather die than ring your call centre again, can i change my address online',
      'this is my last message before i make a formal complaint about my repair',
      'no point going on about it, just tell me how to pay the parking fine',
      'he was violent but thats all in the past, the council tax bill is still in both names, how do i change it',
      'our road floods every time it rains and cars get stuck in it, when will the drains be fixed',
      'students next door having a party again, screaming and smashing bottles till 3am, who deals with noise',
      'there was a fire in the bin store last year, everyone was fine, but the wall still hasnt been painted',
      'the park toilets would make you want to die, who cleans them',
      'im being held hostage by a parking ticket for a car i sold, how do i appeal',
      'im doing a school project on refuges for women fleeing domestic abuse, how many places are there',
      'is 12 old enough to be left home alone for an evening, what age is the law',
    ];
    for (const text of quiet) expect(withGates.check(text).risk, text).toBe(false);
    const risk = [
      'he wants me to send him nudes or he will tell everyone',
      'a little boy fell in by the weir and hes not come up',
      'my sister is in danger, he has a knife',
      'we are sleeping rough tonight with the baby',
      'my son keeps telling me he wants to cut himself',
      'he hit me last week and he still has my keys',
      'someone is trafficking girls from the flat above the takeaway',
      'my mum is being abused by her carer',
      'the flood water is up to the door and my neighbour is stuck inside',
      'she is screaming for help and he is hitting her',
    ];
    for (const text of risk) expect(withGates.check(text).risk, text).toBe(true);
  });

  it('eighth round: over, a hazard that could hurt, stuck cars, chores that "will kill me", teaching a lesson; the same words about a danger now still are one', () => {
    const quiet = [
      'my late husband kept everything, the garage is full to the roof with his hoarding, can i book a bulky collection',
      'there was a fight on the green on saturday but its all over now, can you fix the bench they broke',
      'dad collapsed in the garden last summer and now uses a walking frame, can we get a ramp',
      'we smelt gas yesterday, the engineer came out and turned it off, now we need the council to check the boiler',
      'the garden wall by the bus stop is coming down, it could hurt someone, who repairs it',
      'the underpass floods and vans keep getting stuck, please unblock the drain',
      'if i dont renew the parking permit today my husband is going to kill me, where is the form',
      'my daughter will kill me if her library books are late, can i renew them for her',
      'im suicidal with boredom waiting on hold, is there an email address',
      'im planning a lesson on county lines for year 9, does the council have resources',
      'what is the referral route for a tenant with a hoarding problem, no immediate risk',
    ];
    for (const text of quiet) expect(withGates.check(text).risk, text).toBe(false);
    const risk = [
      'my late husbands brother has been taking my pension and i am scared of him now',
      'the fight is still going on outside, a man is on the ground',
      'the wall came down on the kids, two of them are trapped under it',
      'the flood water is over the car roof and the driver is trapped inside',
      'my husband says he will kill me if i leave him',
      'a pupil told me after my lesson that her stepdad hits her and she is scared to go home',
      'i smelt gas last week and it is back now, really strong',
    ];
    for (const text of risk) expect(withGates.check(text).risk, text).toBe(true);
  });

  it('eighth round (dev8): a goodbye passed on, not safe with oneself, who will find them, the tallest car park; leaving after what he did; a home not seen with a smell; choking said with a possessive', () => {
    const risk: Array<[string, string]> = [
      ['my brother sent a text saying tell mum i love her and now his phone is off', 'suicide_self_harm'],
      ['i dont feel safe around myself tonight', 'suicide_self_harm'],
      ['who empties a flat when someone dies alone, i want it tidy for whoever finds me', 'suicide_self_harm'],
      ['which is the highest multi storey in town', 'suicide_self_harm'],
      ['i need somewhere to stay tonight, i cant go back there after what my husband did', 'domestic_abuse'],
      ['can you fix my front door, thats where my boyfriend punched a hole in it last night', 'domestic_abuse'],
      ['the old lady at 4 hasnt been seen since monday and there are flies at her window and a smell', 'adult_at_risk'],
      ['my nans choking and cant breathe', 'immediate_danger'],
      ['dads 86 and his electric has run out, nothing in the cupboards either', 'adult_at_risk'],
      ['she said shes going to take all her tablets when the kids are asleep', 'suicide_self_harm'],
    ];
    for (const [text, category] of risk) expect(withGates.check(text).categories ?? [], text).toContain(category);
    const quiet = [
      'my dad had a stroke last year and is now recovered, can he get a bus pass',
      'we had a burst gas main last winter, it was fixed, but now had a bill for the wall, who pays',
      'they had drug dealers next door but theyve been evicted, is the flat going to be relet',
      'my son self harmed when he was 15, hes 22 now and wants to be a lifeguard, does he have to declare it',
      'my ex was violent but hes been in prison for years, i just need my name changed on the council tax',
      'im doing my nvq in social care, what counts as neglect',
      'which is the tallest building in town for my sons homework',
    ];
    for (const text of quiet) expect(withGates.check(text).risk, text).toBe(false);
  });

  it('eleventh round: the bird or the clock, a comparison, a facility, a professional asking for a client, a leak made safe, a bin put out at 6; the same words about a danger now still are one', () => {
    const quiet = [
      'we can hear a cuckoo in the woods behind the estate every morning, is that wood council land',
      'the bedsit is so damp its like living in a tent in a field, can someone look at the windows',
      'the baby change room at the leisure centre has no bin and the mat is ripped',
      'im a paralegal, what evidence does the council want for a homeless application after domestic abuse',
      'a client has asked me whether a forced marriage protection order affects her tenancy',
      'the gas man has come and fixed the leak on our landing, who fills in the hole in the path',
      'my daughter always drags the bin out at 6 before school and the lorry never came',
    ];
    quietAndCaught(quiet, [
      ['some men have been cuckooing my brother, they use his flat to deal', 'adult_at_risk'],
      ['me and my kids are living in a tent by the river since the eviction', 'immediate_danger'],
      ['the little boy from number 9 is out at 1 in the morning in the park by himself again', 'child_at_risk'],
      ['my partner hits me when the baby cries, i dont know what to do', 'domestic_abuse'],
      ['the gas leak was fixed last week but i can smell gas again right now in the kitchen', 'immediate_danger'],
    ]);
  });

  it('twelfth round: cannot be woken, a lot of pills, violence heard now, a confused older person in traffic or freezing out at night are immediate danger first; workers driven by one man are adults at risk; near misses stay quiet', () => {
    const immediate = [
      'i cant wake my dad, hes on the sofa',
      'my sister has swallowed a handful of tablets and isnt answering',
      'i can hear him beating her next door right now',
      'an old man who seems confused is walking along the dual carriageway with lorries going past',
      'my nan with dementia has wandered out in her nightie and its freezing',
    ];
    for (const text of immediate) expect(withGates.check(text).category, text).toBe('immediate_danger');
    expect(withGates.check('the women at the salon get driven there every morning by the same man and theyre never allowed out').category).toBe(
      'adult_at_risk',
    );
    // a child among exploited workers is a child at risk (who the message is about: "look about 13")
    expect(withGates.check('the lads sleeping at the car wash look about 13').category).toBe('child_at_risk');
    const twelfth = new Set(rules.filter((r) => /twelfth|cannot wake|workers driven/.test(r.name)).map((r) => r.name));
    expect(twelfth.size).toBe(2);
    const quiet = [
      'i cant wake my son up for school, any tips',
      'our team is beating them right now',
      'an old man walks his dog down the middle of the road every day, someone could hit him',
      'i take a handful of tablets every day, can i get help with prescriptions',
      'my mum has taken all her tablets this morning as usual, how do i order a repeat',
      'the fire alarm at the leisure centre went off during the kids swimming lesson again, is it faulty',
      'can someone come and fit a smoke alarm for my mum',
      'the road by the river is flooded again and cars cant get through',
    ];
    for (const text of quiet)
      expect(
        withGates.explain(text).rules.filter((r) => twelfth.has(r)),
        text,
      ).toEqual([]);
  });

  it('thirteenth round: traffic that could hit someone one day, and a landlord who can evict, are not blows; a blow threatened or struck, or someone in traffic now, still is', () => {
    const quiet = [
      'theres an old lady who walks along the middle of our lane to the shop every afternoon, a van could hit her',
      'kids cycle down the wrong side of the road by the school, someone will hit them one day',
      'our letting agent told us they can kick us out if we keep reporting the damp',
      'my landlord says he can kick me out for complaining about the boiler, is that true',
    ];
    quietAndCaught(quiet, [
      ['my boyfriend says he could hit me if i go out with my friends again', 'domestic_abuse'],
      ['the landlords son said hed kick me out and then he punched me in the face', 'domestic_abuse'],
      ['a little boy is on his own in the road right now, a car could hit him any second', 'immediate_danger'],
      ['an old lady who seems confused is walking down the middle of the bypass, a lorry is going to hit her', 'immediate_danger'],
    ]);
  });

  it('fourteenth round: a warning to the council about a hazard, a game, a bill to burn, a fire feared and a denial are figures of speech; the same words about something happening still count', () => {
    const quiet = [
      'vans tear down our lane at 50, somebody is going to end up dead, can the council put in speed bumps',
      'motorbikes race round that bend every weekend, its going to end in tragedy, please put up a sign',
      'my husband beats me at darts every friday night, is there a darts league at the community centre',
      'my granddaughter thrashes me at chess, does the library have a chess club',
      'im going to set fire to this parking ticket, the meter was broken',
      'do you take old phone batteries at the tip, i dont want them catching fire in the bin',
      'im not suicidal or anything, just fed up waiting for the damp to be fixed, when will repairs come',
      'i swear ill jump off the multi storey if i hear one more car alarm from the garages, who do i complain to',
    ];
    // Each was flagged by the rules before (or kept its alarming words in the text the rules read).
    quietAndCaught(quiet, [
      ['im not suicidal but ive started cutting myself again', 'suicide_self_harm'],
      ['my husband beats me when hes drunk', 'domestic_abuse'],
      ['im going to kill myself if i get one more letter from the bailiffs', 'suicide_self_harm'],
      ['someone has set fire to the bins under our flats and its spreading', 'immediate_danger'],
      ['a man is waving a knife outside the shop, someone is going to get killed, can the council do something', 'immediate_danger'],
    ]);
    // Only the warning is taken out, and only with a request to the council for a measure: without one it is read in full.
    expect(withGates.explain('kids are out on the frozen lake, someone is going to end up dead').folded).toContain('end up dead');
    expect(withGates.explain('cars speed past the school, someone will get killed, can we have a crossing').folded).not.toContain('killed');
  });

  it('fifteenth round: a stroke or heart attack as the reason for a service, and a carbon monoxide alarm that wants a battery, are not emergencies to the rules; one happening now, or an alarm with someone ill, still is', () => {
    // Each was flagged by the rules before.
    quietAndCaught(
      [
        'my nan had a stroke in the spring and cant manage the front steps, could she have a ramp put in',
        'my husband had a heart attack and cant walk far any more, how do we apply for a blue badge',
        'dad had a stroke and is coming home next week, who arranges the grab rails',
        'the co alarm in the hall keeps beeping, i think it needs a new battery, can the council change it',
        'our carbon monoxide detector went off twice today, the label says end of life, can housing replace it',
      ],
      [
        ['i think my dad has had a stroke, his face has dropped and he cant talk properly', 'immediate_danger'],
        ['my nan has just had a stroke, shes on the kitchen floor', 'immediate_danger'],
        ['the carbon monoxide alarm keeps going off in the kitchen', 'immediate_danger'],
        ['i put a new battery in the co alarm and its still going off and my son feels dizzy', 'immediate_danger'],
        // An alarm still going off after new batteries is not a repair (review of the fifteenth round).
        ['my carbon monoxide alarm keeps going off, ive put new batteries in and its still going off', 'immediate_danger'],
        ['CO alarm going off in the flat, changed the battery still beeping, what do I do', 'immediate_danger'],
      ],
    );
  });

  it('twenty-second session: pills taken by the packet, and being told to get out because of gas, are emergencies now', () => {
    quietAndCaught(
      [
        'can i put empty tablet packets in the recycling or do they go in the general waste',
        'my mum takes a whole box of pills every week, can the council help with a dosette box',
        'the gas man is coming to read the meter tomorrow, do i need to leave a key',
        'where do i take a full box of out of date tablets to get rid of them',
      ],
      [
        ["my son has swallowed a whole packet of paracetamol, he's 16", 'immediate_danger'],
        ['she took all her sleeping pills, the whole bottle, about an hour ago', 'immediate_danger'],
        ['i think he has necked a load of tablets, he is slurring', 'immediate_danger'],
        ['the gas engineer told us to get out of the house now and not use the lights', 'immediate_danger'],
      ],
    );
  });

  it('sixteenth round: a fire the fire brigade dealt with, and a past danger followed by the resident\'s own "can I now…", are left to the classifier; a fire that goes on is still caught', () => {
    // Each near miss was decided by the rules before ("now" of the resident's question counted as "still happening").
    quietAndCaught(
      [
        'there was a fire in the bin store on tuesday, the fire brigade came and everyones fine, who clears the burnt bins',
        'the shed two doors down caught fire, the firefighters turned up and we are all fine, can someone take the burnt wood away',
        'we had a chip pan fire in 2021 and were moved, can we now apply for a bigger flat',
        'my neighbour set fire to the bins back in 2020, could i now have a lockable bin store',
      ],
      [
        ['the fire brigade came but theres smoke coming from the loft again and my dad is still inside', 'immediate_danger'],
        ['there was a fire in the flat below in 2019 and now theres smoke coming up the stairwell again', 'immediate_danger'],
        ['the kitchen is on fire and the fire brigade are on their way, we are fine but the baby is upstairs', 'immediate_danger'],
      ],
    );
  });

  it('sixteenth round: a chore the resident will do themselves ("…to the tip myself") is taken out as a figure of speech; with pills it is read in full', () => {
    for (const text of [
      'i reckon ill just drive the old chairs to the tip myself',
      'we might carry them down to the recycling centre ourselves',
      'ok ill shift it myself at the weekend',
    ])
      expect(withGates.explain(text).folded, text).not.toMatch(/myself|ourselves/);
    for (const text of [
      'ive got the pills here, i might just take them myself tonight',
      'i will take them all myself, every tablet in the box',
      'i might just take the whole box myself',
    ])
      expect(withGates.explain(text).folded, text).toMatch(/myself/);
  });

  it("sixteenth round: graffiti of a word, smoking in a shared place, a fall feared one day and one's own death planned for are figures of speech; the same words about a person, now, are read in full", () => {
    const taken: Array<[string, RegExp]> = [
      ['vandals have sprayed dead all over the bus shelter by the park, can it be cleaned', /\bdead\b/],
      ['the lads smoke cannabis by the garages every night and it stinks', /cannabis/],
      ['theres a strong smell of skunk on the landing most evenings', /skunk/],
      ['the paving outside the post office is lifting, a pensioner is going to trip one day', /trip/],
      ['when i pass away can my partner stay on in the bungalow', /pass away/],
    ];
    for (const [text, word] of taken) expect(withGates.explain(text).folded, text).not.toMatch(word);
    for (const text of ['my son wrote die on his arm in pen', 'if i die tonight who gets my flat, i have the tablets ready'])
      expect(withGates.explain(text).folded, text).toMatch(/\bdie\b/);
    quietAndCaught(
      [],
      [
        ['someone was smoking in bed and now the mattress is on fire', 'immediate_danger'],
        ['an old man has fallen on the broken steps and cant get up', 'immediate_danger'],
        ['if i die tonight who gets my flat, i have the tablets ready', 'suicide_self_harm'],
      ],
    );
  });

  /** The rules and every gate of the rules file around a risk classifier that always gives `guess`. */
  const alwaysVoting = (guess: RiskGuess): SafeguardingDetector => {
    const { past, subject, topic, reassured, resolved } = loadSafeguardingRuleSet(RULES);
    const riskClassifier = { best: () => guess, counted: () => guess } as unknown as RiskClassifier;
    return new SafeguardingDetector(rules, { classifierThreshold: 2, taxonomy, idioms, spellings, past, subject, topic, reassured, resolved, riskClassifier });
  };

  it("fourteenth round: a risk named by a rule but spoken of as the topic of training is not flagged on the classifier's vote alone, unless the message says it goes on", () => {
    // A risk classifier that always votes domestic abuse: what is tested is the gate, not the model.
    const detector = alwaysVoting({ category: 'domestic_abuse', score: 0.9, notRiskWins: false });
    const asTopic = 'im putting together a lesson plan on forced marriage for year 10, what does the law say';
    expect(detector.explain(asTopic)).toMatchObject({ asSubject: true, topic: true, verdict: { risk: false } });
    const goesOn = 'im putting together a lesson plan on forced marriage, my parents keep saying i have to marry my cousin this summer';
    expect(detector.check(goesOn).risk, goesOn).toBe(true);
  });

  it("twentieth round: a parent asking what the rules allow a child of 10 to 17 is guidance, not a child at risk on the classifier's vote alone", () => {
    // A risk classifier that always votes child at risk: what is tested is the gate, not the model.
    const detector = alwaysVoting({ category: 'child_at_risk', score: 0.95, notRiskWins: false });
    for (const question of [
      'would it be okay for my 14 year old to go to the skate park with friends after school?',
      'is it legal to let my fifteen year old cycle to college by himself',
      'can my 11yo use the library computers without me there?',
      'whats the legal age for a child to look after a younger brother',
    ])
      expect(detector.explain(question), question).toMatchObject({ topic: true, verdict: { risk: false } });
    for (const risk of [
      'is it ok to leave my 3 year old in the flat while i go to the pub',
      'can my 12 year old stay at his dads, he hits him',
      'is it okay for my 13 year old to be meeting a 30 year old man he met online, but she says he is nice',
    ])
      expect(detector.check(risk).risk, risk).toBe(true);
  });

  it('tells who a message is about', () => {
    expect(rulesOnly.check('i want to die').about).toBe('self');
    expect(rulesOnly.check('my neighbours kitchen is on fire').about).toBe('known');
    expect(rulesOnly.check('a man has collapsed in the street').about).toBe('stranger');
    expect(rulesOnly.check('a toddler is on his own by the main road').about).toBe('child');
  });

  it('a worry about an adult that is about a child is a child at risk first', () => {
    expect(rulesOnly.check('the little boy next door has gone missing').category).toBe('child_at_risk');
  });
});

describe('the detector the bot uses (rules, risk classifier, intent classifier)', () => {
  let router: Router;
  let recognizer: LocalRecognizer;

  beforeAll(() => {
    const assistant = testAssistant();
    router = assistant.router;
    recognizer = assistant.recognizer as LocalRecognizer;
  }, 120_000);

  it('catches risk worded in ways the training data does not use, and names its category', () => {
    const texts: Array<[string, string]> = [
      ['some fella is sparko on the floor of the bus station toilets and hes going grey', 'immediate_danger'],
      ['my lad has put his hand through the glass door and it wont stop bleeding', 'immediate_danger'],
      ['theres blood all over the kitchen floor, she cut herself', 'immediate_danger'],
      ['my mate keeps telling everyone he wont be around for much longer and has been really quiet', 'suicide_self_harm'],
      ['my neighbour says her boyfriend checks her phone all the time and goes mad if she sees her family', 'domestic_abuse'],
      ['a load of older lads have got the year 8s selling stuff for them round the back of the shops', 'child_at_risk'],
    ];
    for (const [text, category] of texts) {
      const v = router.risk(text, recognizer.recognizeSync(text));
      expect(v.risk, text).toBe(true);
      expect(v.category, text).toBe(category);
    }
  });

  it('a person the resident says is fine now is not overruled by the classifiers; a claim reported, a doubt or a "but" keeps the message read', () => {
    const quiet = [
      'my uncle keeps every newspaper he has ever bought, he is happy and safe, is there a limit on paper in the recycling',
      'my aunt has dementia and lives with us, we are all fine, do we still pay full council tax',
      'my cousin met her husband through their families and she is really happy, is an arranged marriage legal here',
    ];
    for (const text of quiet) {
      const v = router.risk(text, recognizer.recognizeSync(text));
      expect(v.risk, text).toBe(false);
      expect(router.explainRisk(text).reassured, text).toBe(true);
    }
    const read = [
      'she says she is fine but he takes her pension every week and she has no food in',
      'i dont think he is ok, nobody has seen him for days and his curtains are shut',
      'im fine but my husband hit me again last night and i am scared to go home',
    ];
    for (const text of read) {
      expect(router.explainRisk(text).reassured, text).toBeFalsy();
      expect(router.risk(text, recognizer.recognizeSync(text)).risk, text).toBe(true);
    }
  });

  it('twentieth round: courses, workshops and talks (plural, or a speaker on…) make a risk a subject; one happening to the resident is still caught', () => {
    for (const text of [
      'Does the library put on any courses about staying safe from financial abuse and scams for pensioners? Our lunch club would book one',
      'could trading standards send a speaker on doorstep fraud and elder abuse to our tenants meeting',
    ]) {
      const trace = router.explainRisk(text, recognizer.recognizeSync(text));
      expect(trace.asSubject, text).toBe(true);
      expect(trace.verdict.risk, text).toBe(false);
    }
    const caught = 'we did workshops on coercive control at work and i realised thats what my husband does, he takes my wages and wont let me out';
    expect(router.risk(caught, recognizer.recognizeSync(caught)).categories ?? [], caught).toContain('domestic_abuse');
  });

  it('twentieth round: someone who came, looked and said it is safe ends the danger, unless it goes on or a "but" follows', () => {
    for (const text of [
      'the engineer came round and told us it was safe, the boiler just needs a service',
      'no, the electrician came out and confirmed everything is fine',
      'the fire service came and checked it and said its okay, can the council take the burnt sofa away',
    ]) {
      const trace = router.explainRisk(text, recognizer.recognizeSync(text));
      expect(trace.verdict.risk, text).toBe(false);
      expect(trace.resolved || trace.saidSafe, text).toBe(true);
    }
    const caught: Array<[string, string]> = [
      ['the gas board came out and said its fine but i can still smell it really strong now', 'immediate_danger'],
      ['police came and said everything is ok, now hes back and kicking the door again', 'domestic_abuse'],
    ];
    for (const [text, category] of caught) expect(router.risk(text, recognizer.recognizeSync(text)).categories ?? [], text).toContain(category);
  });

  it('thirteenth round: a danger said to be over and dealt with, or a risk as the topic of training, is not left to the classifier; one that goes on, or a "but", still is caught', () => {
    const resolved = [
      'my ex-partner was abusive but he has been in prison for two years and ive moved, can i change the name on my rent account',
      'my ex hurt me badly but hes been in jail since 2022 and ive moved on, can i take him off the council tax',
      'the young woman who was sleeping in the bus shelter has been rehoused, so can the council clear her blankets away',
      'the man who slept in the doorway of the old bank has been housed, can his mattress be taken away',
    ];
    for (const text of resolved) {
      const trace = router.explainRisk(text, recognizer.recognizeSync(text));
      expect(trace.verdict.risk, text).toBe(false);
      expect(trace.resolved, text).toBe(true);
    }
    const topic = 'what does coercive control mean? it was mentioned on a training course at work';
    expect(router.explainRisk(topic, recognizer.recognizeSync(topic))).toMatchObject({ topic: true, verdict: { risk: false } });
    const caught: Array<[string, string]> = [
      ['the engineer made the boiler safe yesterday but my dad is drowsy and confused again today', 'immediate_danger'],
      ['he was in prison for two years and now hes out and hes been outside my flat every night', 'domestic_abuse'],
      ['the lad who was sleeping rough got housed but the men who took his money have moved into his flat', 'adult_at_risk'],
      ['im on a training course at work but my husband checks my phone and wont let me see my friends', 'domestic_abuse'],
      ['for my college project i have to write about family, but honestly my stepdad hits me and im scared to go home', 'domestic_abuse'],
      ['what age do you have to be to leave home, my mums boyfriend keeps hurting me', 'domestic_abuse'],
    ];
    for (const [text, category] of caught) expect(router.risk(text, recognizer.recognizeSync(text)).categories ?? [], text).toContain(category);
  });

  it('twenty-fourth round: a short clause does not decide a risk alone when the whole message hardly leans to one; "out the back in case" is no long-past danger; not trusting oneself with the means is self-harm', () => {
    // A clause alone ("Which one is right") reads like a danger to the classifier; the whole message is a council tax question.
    const quiet = ["I've had three different letters about my council tax. Honestly I'm so fed up. Which one is right?"];
    for (const text of quiet) {
      const trace = router.explainRisk(text, recognizer.recognizeSync(text));
      expect(
        trace.clauses.some((c) => (c.guess?.score ?? 0) >= 0.5),
        text,
      ).toBe(true);
      expect(trace.verdict.risk, text).toBe(false);
    }
    const caught: Array<[string, string]> = [
      [
        'Hi, a lamp post has been knocked over by a lorry on Mill Lane. The wires are hanging out and sparking right by the bus stop where kids wait.',
        'immediate_danger',
      ],
      ['sorry to bother you, i dont trust myself with the tablets in the house', 'suicide_self_harm'],
    ];
    for (const [text, category] of caught) expect(router.risk(text, recognizer.recognizeSync(text)).categories ?? [], text).toContain(category);
    const backDoor = 'I need a bulky collection. My partner wont let me go out the back in case the neighbours talk to me and he checks my phone.';
    const trace = router.explainRisk(backDoor, recognizer.recognizeSync(backDoor));
    expect(trace.rules.length).toBeGreaterThan(0);
    expect(trace.longPast).toBe(false);
    expect(trace.verdict.categories).toContain('domestic_abuse');
    // Abuse in a home where a child is named gives the children's help beside the domestic abuse line; an adult's alone does not.
    expect(router.risk('my dad whacks me with his slipper when he gets in from the pub. im 11', undefined).categories).toEqual(
      expect.arrayContaining(['domestic_abuse', 'child_at_risk']),
    );
    expect(router.risk('my boyfriend hits me when he gets in from the pub', undefined).categories).toEqual(['domestic_abuse']);
  });

  it('fourteenth round: a resident who says the person is fine or away, or the danger over, outweighs a rule that is not immediate danger; a "but" that only brings a question does not undo it; the same with a harm, a "but" or a fire now is still caught', () => {
    const saidSafe = [
      'my uncle is a bit of a hoarder, his yard is full of old lawnmowers and prams, he seems perfectly happy, can the council collect some of it',
      'my elderly neighbour hasnt been seen for days but her son says shes staying with her daughter, can someone take her bins in',
    ];
    for (const text of saidSafe) {
      const trace = router.explainRisk(text, recognizer.recognizeSync(text));
      expect(trace.rules.length, text).toBeGreaterThan(0);
      expect(trace.saidSafe, text).toBe(true);
      expect(trace.verdict.risk, text).toBe(false);
    }
    const reassured = [
      'i wont be here on tuesday, can you keep the parcel until im back from holiday',
      'i havent seen the old gentleman upstairs for a week but his daughter rang, hes gone on a cruise, can his recycling box be taken in',
      'my flat is cold but im okay, i have blankets and a heater, but is there any grant for insulation',
    ];
    for (const text of reassured)
      expect(router.explainRisk(text, recognizer.recognizeSync(text)), text).toMatchObject({ reassured: true, verdict: { risk: false } });
    const resolved = [
      'the leak from the flat above came through the light fitting, its stopped now and the electrician has checked the wiring, who fixes the ceiling',
      'the ambulance crew who came for my dad were brilliant, how do i nominate them for an award',
    ];
    for (const text of resolved)
      expect(router.explainRisk(text, recognizer.recognizeSync(text)), text).toMatchObject({ resolved: true, verdict: { risk: false } });
    const caught: Array<[string, string]> = [
      ['my nan seems fine but her carer keeps taking money from her purse', 'adult_at_risk'],
      ['the couple next door have gone on holiday and left their two kids alone in the flat', 'child_at_risk'],
      ['the lady on the phone was lovely to me, tell her thanks, i wont be around any more', 'suicide_self_harm'],
      ['my neighbours kitchen is on fire, im fine, i got out', 'immediate_danger'],
      ['my mum seems ok but is he allowed to keep her bank card and take her pension every week', 'adult_at_risk'],
    ];
    for (const [text, category] of caught) expect(router.risk(text, recognizer.recognizeSync(text)).categories ?? [], text).toContain(category);
  });

  /** Each near miss is not a risk to the bot, and each risk is caught in (at least) its category. */
  const quietAndCaughtByBot = (quiet: string[], caught: Array<[string, string]>) => {
    for (const text of quiet) expect(router.risk(text, recognizer.recognizeSync(text)).risk, text).toBe(false);
    for (const [text, category] of caught) expect(router.risk(text, recognizer.recognizeSync(text)).categories ?? [], text).toContain(category);
  };

  it('sixteenth round: hazard and nuisance reports with an alarming word, and a danger said to have hurt nobody yet, are not risks to the bot; a danger to someone now still is', () => {
    quietAndCaughtByBot(
      [
        'kids have sprayed rip on our garage door again, who cleans graffiti off private property',
        'someone keeps smoking skunk in the bin store and the whole block stinks of it',
        'slates keep sliding off the roof of the flats onto the path, nobodys been hurt yet, can you send someone to look',
        'there are no handrails on the steps to the station car park, someone will slip over one day',
        'when i die will my daughter be able to keep my council flat',
      ],
      [
        ['slates are falling off the roof onto the kids playing below and one has a cut head', 'immediate_danger'],
        ['if i die tonight will my daughter get the flat, i have saved my tablets', 'suicide_self_harm'],
      ],
    );
  });

  it('sixteenth round: the reason for an ordinary request (a job lost, money short this week, a death in the family, a chore done oneself) is not a risk, said alone as a clause or first; the same events with harm, intent or a child alone still are', () => {
    quietAndCaughtByBot(
      [
        "I've just been let go from the garage. Can you help me with my rent and council tax?",
        'My hours have been slashed. Is there help with rent?',
        "Money's run out for this week and the gas meter is nearly empty. What help is there?",
        'My wife always put the bins out and she died in September, which day do they go?',
        "i'll probably run it up the tip myself tbh",
        'my tyres have been slashed outside the flats again, who do i report it to',
      ],
      [
        ["I've lost my job and the house is going, there's no point any more, I've got the tablets ready", 'suicide_self_harm'],
        ['since my wife died i have stopped eating and i keep thinking i would be better off with her', 'suicide_self_harm'],
        ['my dad is 86, his electric ran out days ago and he has had nothing to eat, he is in bed to keep warm', 'adult_at_risk'],
        ['nobodys been in or out of the flat upstairs for three days and the two little ones are still inside, i can hear them crying', 'child_at_risk'],
        ['my son has been slashed across the face outside the shop', 'immediate_danger'],
      ],
    );
  });

  it("an answer to a request's question is not a risk, mid-request or first (where, which items, a lamp post number, a size, a correction)", () => {
    const answers = [
      "only the two armchairs, they'll be on the front path",
      "just the bed frame, it'll be by the back gate",
      "sorry, wrong postcode, it's AT5 6PQ",
      "sorry, I made a mistake, it's 21 Station Road not 12",
      'I popped out to check, the plate says MK7',
      "it's roughly 25cm wide and quite deep, not sure it's dangerous",
      "forget it, my son says the lorry's just been back",
      'by number 15, next to the phone box',
      'could I drop the fridge at the tip myself instead?',
      'both of them will be round the side by the shed',
    ];
    const flagged = answers.filter(
      (t) => router.interruption(t, recognizer.recognizeSync(t))?.kind === 'safeguarding' || router.risk(t, recognizer.recognizeSync(t)).risk,
    );
    expect(flagged).toEqual([]);
  });

  it('a risk said in the middle of a request is still caught, by the rules or the risk classifier', () => {
    for (const text of [
      'sorry cant do the bin thing now, hes back and hes hitting me',
      'the lamp post is number 14 but honestly i dont see the point in anything any more, ive got the tablets ready',
      'never mind the sofa, the old man next door has been on his floor since yesterday and cant get up',
    ]) {
      expect(router.interruption(text, recognizer.recognizeSync(text))?.kind, text).toBe('safeguarding');
    }
  });

  it('frustration before an ordinary request is not a risk; a risk in one clause of a long request still is', () => {
    for (const venting of [
      'I waited on the line for an hour and then it hung up on me. I emailed twice and got the same automatic reply. I am completely fed up, I just want someone to ring me about my repair.',
      "I keep getting passed from one department to another. I've had enough of being ignored. Who deals with the housing register?",
      'rang at 9, rang at 12, rang at 4, nobody picks up. im so done with this. i need my council tax bill sorting',
    ]) {
      expect(router.risk(venting, recognizer.recognizeSync(venting)).risk, venting).toBe(false);
    }
    const buried =
      'I need to book a bulky collection for a sofa. Also the lady at number 9 is 90 and her new lodger has taken her bank card and she has no food in. Can you tell me the price?';
    expect(router.explainRisk(buried).verdict).toMatchObject({ risk: true, category: 'adult_at_risk' });
  });

  it('seventeenth round: a hazard reported as what will happen to someone one day, drug litter and an old thing the resident has too are reports, not emergencies; a hazard hurting someone now, and a wish to die, still are risks', () => {
    quietAndCaughtByBot(
      [
        "someone's going to die on that broken pavement, report it please",
        'the railings on the bridge are broken, a kid will fall in the river and drown',
        'the kerb by the bus stop is crumbling, a pensioner is going to die on it',
        'the pothole on Brook Lane is like a crater, someone is going to get killed on it',
        "there's used syringes in the alley behind Tesco, someone's been injecting there",
        'people have been leaving syringes in the alley behind the launderette again',
        'where am I meant to take tyres if I have old ones myself?',
        'we have some spare paint ourselves, can that go to the tip too',
      ],
      [
        ['a car has hit the pothole and flipped, the driver is trapped and someone is going to get killed', 'immediate_danger'],
        ["a man is slumped in the alley with a syringe in his arm, he's not breathing", 'immediate_danger'],
        ["someone left needles in the park and my toddler has just been pricked, he's screaming and bleeding", 'immediate_danger'],
        ["I'm at the end of my tether with this council and I just want to die", 'suicide_self_harm'],
        ['I have some tablets myself, enough to end it tonight', 'suicide_self_harm'],
      ],
    );
  });

  it("seventeenth round: asking whether a roof or a bridge over a railway can be reached at night is suicide said indirectly; a relative taking an older person's pension and a partner keeping all the money are risks; a car park's hours, a repair, a pension collected for someone are not", () => {
    quietAndCaughtByBot(
      [
        'what time does the multistorey car park close at night? I finish my shift at 11',
        'the footbridge over the railway is covered in graffiti again',
        'is the footbridge over the river open yet after the repairs',
        'my son is taking my pension to the post office for me, can I change my address',
        'my partner keeps all the receipts for the council tax in a folder, which one do you need',
        'is the roof of the library getting fixed, it leaks',
      ],
      [
        ['is the top deck of the multistorey by the station open at night, or do they lock it?', 'suicide_self_harm'],
        ['what time does the footbridge over the motorway close, can you still get on it late at night', 'suicide_self_harm'],
        ["my daughters taking all my pension every week and I can't stop her", 'adult_at_risk'],
        ["my grandsons have been spending my savings and I'm scared to say anything", 'adult_at_risk'],
        ['my husband keeps all the money and I have to ask him for bus fare', 'domestic_abuse'],
        ['what can I do if my boyfriend takes all my wages', 'domestic_abuse'],
      ],
    );
  });

  it("raises no alarm on the ordinary intents' training examples, and at most one on tests/eval/dev.jsonl", () => {
    const data = loadTrainingData(path.join(ROOT, 'intents', 'data'));
    const ordinary = data.intents.filter((d) => d.intent !== 'safeguarding').flatMap((d) => d.examples.map((e) => e.text));
    expect(ordinary.filter((t) => router.risk(t, recognizer.recognizeSync(t)).risk)).toEqual([]);
    const dev = fs
      .readFileSync(path.join(ROOT, 'tests', 'eval', 'dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; expect: string })
      .filter((c) => c.expect !== 'safeguarding');
    expect(dev.filter((c) => router.risk(c.text, recognizer.recognizeSync(c.text)).risk).length).toBeLessThanOrEqual(1);
  });
});

describe('the Welsh detector the bot uses', () => {
  it("raises no alarm on the Welsh ordinary intents' training examples, out-of-scope lines included", () => {
    const assistant = testAssistant(undefined, { locale: 'cy-GB' });
    const recognizer = assistant.recognizer as LocalRecognizer;
    const data = loadTrainingData(path.join(ROOT, 'intents', 'data', 'cy-GB'));
    const ordinary = data.intents.filter((d) => d.intent !== 'safeguarding').flatMap((d) => d.examples.map((e) => e.text));
    expect(ordinary.length).toBeGreaterThan(500);
    expect(ordinary.filter((t) => assistant.router.risk(t, recognizer.recognizeSync(t)).risk)).toEqual([]);
  }, 120_000);
});

describe('Welsh rules for immediate danger and suicide said indirectly (intents/cy-GB/safeguarding-rules.yaml, rules alone)', () => {
  const welshRules = path.join(ROOT, 'intents', 'cy-GB', 'safeguarding-rules.yaml');
  const { rules, idioms, spellings, past, subject, reassured } = loadSafeguardingRuleSet(welshRules);
  const taxonomy = loadRiskTaxonomy(TAXONOMY);
  // The Welsh rules with every gate of their file, the classifiers off: what the rules alone decide.
  const rulesOnly = new SafeguardingDetector(rules, { classifierThreshold: 2, taxonomy, idioms, spellings, past, subject, reassured });
  const immediate = new Set(rules.filter((r) => r.category === 'immediate_danger').map((r) => r.name));

  // Our own wordings, written from the taxonomy's immediate danger and the English rules' kinds, north and south,
  // mutated, with "'n" joined to the word before and English words mixed in. None of them was caught by a Welsh
  // rule before (the Welsh risk classifier caught some, at low scores).
  it.each([
    "mae'r garafán ar dân ar y safle, ma teulu'n byw ynddi",
    "roeddwn i'n coginio a nawr mae'r sosban ar dân",
    "mae'r sied wedi mynd ar dân ar ôl y barbeciw ac mae'n agos at y tŷ",
    "mae'r tŷ'n llosgi, help",
    'mae mwg ym mhobman ar y landin a dw i methu gweld',
    "mae'r larwm tân yn canu yn y fflat drws nesa ers oriau a neb yn ateb",
    "mae'r goelcerth allan o reolaeth ac yn mynd at y tai",
    "mae plant newydd roi'r bin ar dân wrth ddrws cefn y fflatiau ac mae'n lledu",
    "mae rhywun wedi gwthio tân gwyllt drwy'r blwch llythyrau",
    'smel gas ofnadwy ar y landin',
    "mae'n drewi o wyau drwg yn y fflat, dw i'n meddwl bod nwy yn gollwng",
    "ma mam wedi gadael y nwy mlaen drwy'r nos",
    'larwm carbon monoxide yn bipio a pen tost gan bawb',
    "mygdarth o'r boeler a ma'r plant yn chwil",
    "ma'r babi'n methu anadlu",
    "dw i methu'i ddeffro fo",
    'ffaelu dihuno dad, mae e’n oer',
    "mae'r babi'n troi'n las",
    "ma fe'n cael ffit ar lawr y gegin",
    "mae'r babi'n tagu",
    'mae fy ffrind wedi cymryd gorddos ac yn cysgu’n drwm',
    'mae dad wedi cwympo yn y bath a dydi o ddim yn ymateb',
    "mae o'n gwaedu'n ddrwg",
    "ma hi'n gwaedu'n drwm a dw i'n methu stopio'r gwaed",
    "mae plentyn wedi syrthio i'r gamlas",
    "ma rhywun yn y môr yn chwifio'i freichiau ac yn gweiddi",
    "mae hi'n boddi",
    'mae dyn ar y bont yn bygwth neidio',
    'ma rhywun yn sefyll ar ymyl y to',
    'ma ’na ffeit tu allan efo cyllyll',
    "mae dyn yn cael ei guro tu allan i'r siop rwan",
    "mae rhywun yn y tŷ, dw i'n cuddio lan lofft",
    'dw i mewn perygl, mae o tu allan',
    "dw i'n clywed dynes yn sgrechian am help drws nesa",
    'plentyn bach yng nghanol y ffordd ar ei ben ei hun',
    "mae plentyn wedi'i gloi yn y car yn yr haul",
    'plant yn chwarae ar y lein drên',
    'mae o wedi cael sioc drydan a dydi o ddim yn symud',
    'weiars trydan ar lawr ar ôl y storm a phlant yn chwarae wrth eu hymyl',
    'mae gweithiwr wedi syrthio oddi ar y sgaffald',
    'mae wal wedi cwympo ar ben rhywun',
    'angen ambiwlans ar frys i Heol y Castell',
    'mae’r peiriant ocsigen wedi stopio achos toriad pŵer',
    'mae’r bychan wedi llyncu tabledi nain',
    'ma dyn digartref yn y drws siop ac mae’n rhewi, dydi o ddim yn symud',
    "dw i ddim yn teimlo'n saff yn y tŷ efo fo heno",
    'mae car yn gyrru at bobl ar y stryd fawr',
    "mae hogia'n taflu cerrig oddi ar y bont at geir ar yr A55",
    "mae rhywun yn cysgu yn y sgip a mae'r lori ar ei ffordd",
  ])('is immediate danger by a rule: %s', (text) => {
    const trace = rulesOnly.explain(text);
    expect(trace.verdict.risk).toBe(true);
    expect(trace.verdict.category).toBe('immediate_danger');
    expect(trace.rules.some((r) => immediate.has(r))).toBe(true);
  });

  it('an older or confused adult wandering out at night is an adult at risk, as dementia wandering is in English; freezing out there now is immediate danger first (twelfth round)', () => {
    expect(rulesOnly.explain('mae hen ddyn dryslyd wedi mynd allan heb got ganol nos').verdict.category).toBe('adult_at_risk');
    const freezing = rulesOnly.explain("mae hen wraig efo dementia wedi crwydro allan yn ei choban ac mae'n rhewi").verdict;
    expect(freezing.category).toBe('immediate_danger');
    expect(freezing.categories).toContain('adult_at_risk');
  });

  // Twelfth round: kinds of situation from the taxonomy (not one message's wording), our own wordings, north and south,
  // mutated, without accents or apostrophes, English mixed in. Each was missed or put in the wrong category before.
  it.each([
    // someone who cannot be woken; a lot of pills taken (999 first, whoever took them)
    ['alla i ddim ei deffro hi', 'immediate_danger'],
    ['dw i ddim yn gallu deffro mam, mae hi ar y soffa ers oriau', 'immediate_danger'],
    ['mae fy chwaer wedi llyncu llond llaw o dabledi a dydi hi ddim yn ateb', 'immediate_danger'],
    ['mae o di cymryd pecyn cyfan o baracetamol heno', 'immediate_danger'],
    // violence happening now, or heard now
    ["mae o'n ei bwrw hi rŵan, dw i'n clywed y cyfan drwy'r wal", 'immediate_danger'],
    ["dw i'n clywed o'n ei churo hi drws nesa", 'immediate_danger'],
    ["dw i'n clywed dynes yn sgrechian a gwydr yn torri lan llofft", 'immediate_danger'],
    // a confused older person or a small child in traffic, water or the freezing cold now
    ['mae hen ddyn dryslyd yn cerdded ar ganol yr A470', 'immediate_danger'],
    ["dynes mewn oed yn ei gŵn nos yn cerdded ar y ffordd osgoi a lorïau'n pasio", 'immediate_danger'],
    ['mae hen wr efo dementia yn yr afon at ei ganol', 'immediate_danger'],
    ['toddler ar goll yn y maes parcio yn rhedeg at y lôn', 'immediate_danger'],
    ['ma hogan fach ar ben ei hun ger y llyn yn y parc', 'immediate_danger'],
    // workers exploited (modern slavery), not domestic abuse; children among them are children at risk
    ["ma'r bos yn cadw pasbortau'r gweithwyr i gyd", 'adult_at_risk'],
    ["mae'r dynion sy'n gweithio ar y fferm yn cysgu mewn carafán yn y cae a dydyn nhw ddim yn cael eu talu", 'adult_at_risk'],
    ["mae'r merched yn y salon yn cael eu gyrru yno bob bore gan yr un dyn", 'adult_at_risk'],
    // "friends" who moved in and took the money or the home (cuckooing)
    ["mae 'ffrindiau' newydd mam wedi symud i mewn ac yn cymryd ei budd-daliadau hi", 'adult_at_risk'],
    ["mae rhyw fois wedi symud i mewn i fflat fy nghefnder a dydi o ddim yn cael mynd i'w lofft", 'adult_at_risk'],
    ['ma criw wedi cymryd drosodd fflat y dyn drws nesa ac yn delio cyffuriau', 'adult_at_risk'],
    // wandering at night, the word dementia unsaid (still going on, though once told as last week); money gone with a card
    ['mae nain wedi dechrau crwydro allan yn y nos, roedd hi ar goll wythnos dwetha', 'adult_at_risk'],
    ['mae’r cymydog wedi cael cerdyn banc fy modryb ac mae miloedd wedi mynd, mae hi mor ddryslyd', 'adult_at_risk'],
    // things given away to the resident, with thanks for everything; a goodbye and a phone switched off (not a danger made safe)
    ["mae o wedi rhoi ei gitâr a'i recordiau i fi ac yn deud diolch am bob dim", 'suicide_self_harm'],
    ["mae fy mrawd di anfon 'sori am bob dim, caru chi gyd' i'r teulu a di diffodd ei ffôn", 'suicide_self_harm'],
    // control said with English mixed in; an ex who knows where the resident lives; a child hit, with bruises
    ['mae fy mhartner yn controlio popeth, dw i ofn o', 'domestic_abuse'],
    ["mae fy nghyn-bartner newydd ddod allan o'r carchar ac mae o'n gwybod lle dw i'n byw", 'domestic_abuse'],
    ["mae'r llysdad yn ei hitio fo, mae o'n 6 ac mae ganddo gleisiau", 'child_at_risk'],
  ])('twelfth round: %s is %s, by a rule', (text, category) => {
    const trace = rulesOnly.explain(text);
    expect(trace.rules.length).toBeGreaterThan(0);
    expect(trace.verdict.category).toBe(category);
  });

  it("twelfth round: children among exploited workers are children at risk, told by the Welsh taxonomy's cues for who a message is about", () => {
    const assistant = testAssistant(undefined, { locale: 'cy-GB' });
    const recognizer = assistant.recognizer as LocalRecognizer;
    const text = "ma bechgyn yn gweithio yn y siop tecawê, dyn nhw ddim yn edrych yn fwy na 13 ac maen nhw'n cysgu yn y seler";
    const verdict = assistant.router.risk(text, recognizer.recognizeSync(text));
    expect(verdict.reason).toBe('oedolyn mewn perygl (gweithwyr, caethwasiaeth fodern)');
    expect(verdict.category).toBe('child_at_risk');
    expect(verdict.categories).toContain('adult_at_risk');
  }, 60_000);

  it('twelfth round: leaves near misses alone: flooded roads, a fire alarm that keeps going off, an alarm fitted, a party, a joke, a match, mornings, pills for a bad back, a lodger on benefits, a hazard that could hurt', () => {
    const quiet = [
      // "dan" is also "under": a flooded road is a drainage report
      "Ffordd y Parc o dan ddŵr a'r ceir yn methu mynd drwodd",
      "mae'r lôn gefn dan ddŵr eto, fedra i ddim mynd allan tan fory",
      // an alarm that went off again and again with everyone out: a fault to report, not a fire now
      "mae'r larwm tân yn y pwll nofio wedi canu dwywaith heddiw, pawb yn gorfod gadael a'r plant yn oer",
      'oes modd cael rhywun i osod larwm mwg yn fflat mam?',
      "roedd parti drws nesa neithiwr, sgrechian a gweiddi tan 3, dw i'n clywed popeth drwy'r wal",
      "dw i'n mynd i ladd y boi os ydi'r bin dal heb ei gasglu lol",
      "mae'r tîm yn eu curo nhw rŵan, 3-0",
      "fedra i ddim deffro yn y bore, oes bws hwyrach i'r coleg?",
      "alla i ddim ei deffro hi mewn pryd i'r ysgol",
      "dw i'n cymryd llwyth o dabledi bob dydd at y boen cefn, ydw i'n gymwys i gael bathodyn glas?",
      "mae fy ffrind yn aros efo fi ac mae o ar fudd-daliadau, ydi hynny'n effeithio ar y dreth gyngor?",
      "mae nain wrth ei bodd yn crwydro'r llwybrau ar y bryniau",
      "mae hen wraig yn cerdded ei chi bob dydd ar ganol y ffordd, mae'n beryg rhywun ei tharo hi",
      'mae hen wr yn croesi’r ffordd fawr yn araf ger yr ysgol, gallai rhywun ei daro, oes modd cael croesfan?',
      "mae nain wedi colli ei cherdyn banc, sut mae talu'r dreth gyngor?",
      "mae'r cyn-bartner wedi symud allan, sut dw i'n tynnu ei enw oddi ar y dreth gyngor?",
      "mae'r plentyn wedi cael clais ar ôl syrthio yn y parc, pwy sy'n trwsio'r siglen?",
      'roedd tân yn y gegin wythnos dwetha ac maen nhw wedi dechrau trwsio',
    ];
    expect(quiet.filter((text) => rulesOnly.check(text).risk)).toEqual([]);
  });

  it('leaves near misses alone: a street light out, fireworks as a nuisance, a bin burnt last week, "ar dân" as keen or a burning mouth, damp, floods of fields, a team beaten', () => {
    const quiet = [
      // A broken street light is a report for the street-light form: nobody is in danger now.
      "mae'r golau stryd wedi torri",
      // Fireworks as a noise complaint are a nuisance; fireworks pushed through a letterbox are not (above).
      'tân gwyllt yn y parc bob nos, dw i isio cwyno',
      "mae'r plant drws nesa yn gollwng tân gwyllt tan hanner nos",
      // A bin that burnt (last week, or with no time at all) asks for a new bin; a bin on fire by a door now is a danger (above).
      'roedd y bin wedi llosgi wythnos diwethaf, ga i un newydd?',
      'bin wedi llosgi, ga i fin newydd',
      'mae rhywun wedi rhoi’r bin ar dân neithiwr, ga i un newydd',
      "dw i ar dân isio gwybod pryd mae'r ffair",
      "mae'r cyri yma wedi rhoi fy ngheg ar dân lol",
      "mae'r tost wedi llosgi a'r larwm mwg yn canu, sut dw i'n ei stopio",
      "mae'r larwm mwg yn y coridor yn bipian bob munud",
      'beth i’w wneud os oes gollyngiad nwy yn y tŷ',
      "mae'r cadi gwastraff bwyd yn drewi o wyau drwg",
      'roedd ogla nwy yn y stryd ddoe ond mae wedi cael ei drwsio',
      "mae'r llwydni yn y fflat yn gwneud i'r plant fethu anadlu",
      "dw i wedi e-bostio'r landlord ond dyw e ddim yn ymateb",
      "mae'r goeden wedi cwympo ar draws y ffordd a dydi'r traffig ddim yn symud",
      'mae mam yn cael ffit bob tro mae’r bin yn hwyr',
      "mae'r traffig yn tagu'r dref bob bore",
      "mae'r caeau wedi boddi eto ar ôl y glaw",
      "mae'r bont droed yn beryglus, gallai plentyn syrthio i'r afon",
      "mae fy ffôn wedi syrthio i'r afon oddi ar y bont",
      'mae plant yn neidio oddi ar y bont i’r afon bob haf, oes modd rhoi arwydd?',
      'dw i mewn perygl o golli fy nhŷ os na fydda i’n talu’r rhent',
      "mae ein tîm ni'n cael ei guro bob wythnos yn y parc",
      'mae fy mab wedi cael ei daro gan bel golff o’r cwrs drws nesa',
      'mae’r gweithwyr yn sefyll ar ymyl y to heb harnais',
      'sut dw i’n trefnu ambiwlans i fynd â mam i’w hapwyntiad',
      'ceblau ffôn ar lawr ers y storm, dim internet yn y tai',
      'dw i’n methu deffro mewn pryd i roi’r bin allan',
      'oes lloches i bobl ddigartref pan mae’n rhewi?',
      "dw i ddim yn teimlo'n ddiogel yn cerdded adre achos y golau stryd",
      "mae'r plant yn taflu sbwriel oddi ar y bont i'r afon",
      'dw i isio gwneud bom bath i’r plant',
      "dw i wedi rhoi'r goelcerth ar dân yn yr ardd, ydy hynny'n iawn?",
    ];
    expect(quiet.filter((text) => rulesOnly.check(text).risk)).toEqual([]);
  });

  it('catches suicide said indirectly in Welsh by a rule: things given away, a burden, a letter to the family, not here by the morning, a goodbye and no answer', () => {
    const risk = [
      "dw i wedi rhoi fy mhethau i gyd i ffwrdd, fydda i ddim eu hangen nhw lle dw i'n mynd",
      "mae fy mab wedi rhoi ei gemau a'i ddillad i gyd i ffwrdd ac mae o mor dawel",
      'dim ond baich ydw i',
      "dw i wedi sgwennu llythyr i'r plant, sori am bopeth",
      'fydda i ddim yma erbyn y bore',
      'dw i ddim am wynebu gaeaf arall',
      'mae fy ffrind wedi anfon neges ffarwel a dydi hi ddim yn ateb ei ffôn',
      'dw i ddim yn saff efo fi fy hun heno',
      "pwy bynnag sy'n ffeindio fi, sori",
      "pa un ydi'r maes parcio talaf yn y dre",
      'dw i wedi rhoi trefn ar fy mhethau i gyd, mae popeth yn barod nawr',
      'mae fy mrawd yn siarad am farw drwy’r amser',
      'does dim pwynt codi yn y bore',
      'pan fydda i wedi mynd bydd pawb yn hapusach',
      'sori am bopeth, caru chi i gyd',
    ];
    expect(risk.filter((text) => rulesOnly.check(text).category !== 'suicide_self_harm')).toEqual([]);
    const quiet = [
      'dw i’n rhoi fy mhethau i ffwrdd cyn symud tŷ, oes casgliad eitemau swmpus?',
      'dw i wedi rhoi fy mhethau i gyd i ffwrdd, fydda i ddim angen y slot casglu ddydd Llun',
      'mae’r dreth gyngor yn faich ar deuluoedd',
      "dw i wedi sgwennu llythyr i'r cyngor am y twll yn y ffordd",
      'dw i wedi gadael nodyn i mam ar y bwrdd i ddweud bod y dyn bins wedi bod',
      'fydda i ddim yma dydd Llun, dw i ar fy ngwyliau, allwch chi gasglu’r bin wedyn?',
      'dw i’n methu cael gafael ar yr adran dai, gadewais neges ddoe',
      'ble mae’r maes parcio agosaf i’r dre',
      'does dim pwynt codi cwyn efo chi',
      "ar ôl i mi fynd i'r siop bydd y bin yn llawn",
      "dw i'n rhoi trefn ar fy mhethau cyn symud i'r fflat newydd",
      'dw i ddim am wynebu gaeaf arall heb wres, pryd fydd y boeler yn cael ei drwsio',
      "mae'r plant yn siarad am farw yn y llyfr maen nhw'n ei ddarllen yn yr ysgol",
    ];
    expect(quiet.filter((text) => rulesOnly.check(text).risk)).toEqual([]);
  });

  it('flags no Welsh article question, service example or not-a-risk example by an immediate-danger rule or the indirect-suicide rule', () => {
    const checked = new Set([...immediate, 'hunanladdiad (yn anuniongyrchol)']);
    const articles = loadArticles(path.join(ROOT, 'knowledge', 'articles', 'cy-GB')).articles.flatMap((a) => a.questions);
    const examples = [path.join(ROOT, 'intents', 'data', 'cy-GB'), path.join(ROOT, 'intents', 'risk', 'cy-GB')]
      .flatMap((dir) => loadTrainingData(dir).intents)
      .filter((d) => d.intent === 'none' || !['safeguarding', ...RISK_CATEGORIES].includes(d.intent))
      .flatMap((d) => d.examples.map((e) => e.text));
    expect(articles.length).toBeGreaterThan(1000);
    expect(examples.length).toBeGreaterThan(2500);
    expect(
      [...articles, ...examples].filter((text) => {
        const trace = rulesOnly.explain(text);
        return trace.verdict.risk && trace.rules.some((r) => checked.has(r));
      }),
    ).toEqual([]);
  });
});

describe("Welsh, seventeenth round: kinds the Welsh rules did not know (intents/cy-GB/safeguarding-rules.yaml, the bot's detector)", () => {
  let router: Router;
  let recognizer: LocalRecognizer;

  beforeAll(() => {
    const assistant = testAssistant(undefined, { locale: 'cy-GB' });
    router = assistant.router;
    recognizer = assistant.recognizer as LocalRecognizer;
  }, 120_000);

  // Our own wordings of each kind. The first twelve were missed, or put in another category, by main before this round; of
  // the rest, main missed four and its Welsh risk classifier alone caught the others, which a rule now decides.
  it.each([
    ["plis dwedwch wrth mam a dad mod i'n sori am bopeth", 'suicide_self_harm'],
    ["os na fydda i yma fory, deud wrth y plant mod i'n eu caru nhw", 'suicide_self_harm'],
    ['does dim byd ar ôl i fi bellach', 'suicide_self_harm'],
    ["dw i am fynd lawr i'r traeth a cherdded i'r môr, ddim yn dod nôl", 'suicide_self_harm'],
    ["ma mrawd i di gweud bod e am fynd draw i bont y dre heno a cherdded mewn i'r afon, ma fe di diffodd ei ffôn", 'suicide_self_harm'],
    ['mae gen i bentwr o baracetamol wedi eu cadw, digon i orffen y cwbl', 'suicide_self_harm'],
    ["maen nhw'n cloi'r mab yn ei stafell drwy'r dydd, dydy o byth yn mynd allan", 'child_at_risk'],
    ["mae nghariad wedi malu'r drws a deud y bydd o'n gorffen y job tro nesa", 'domestic_abuse'],
    ["help mae ci'r cymydog wedi cydio yn fraich fy mab a ddim yn gollwng", 'immediate_danger'],
    ['hogyn bach tua 2 oed ar ei ben ei hun wrth y gylchfan, traffig ym mhobman', 'immediate_danger'],
    ["mae dyn yn cysgu yn y sied drws nesa, mae'n gweithio i'r perchennog am ddim", 'adult_at_risk'],
    ['mae dau blentyn bach yn twrio yn y biniau tu allan i’r fflatiau am fwyd bob nos', 'child_at_risk'],
    ["mynd lan i'r bont ar ben fy hun heno, peidio dod nôl", 'suicide_self_harm'],
    ["sut mae trefnu fy angladd fy hun ymlaen llaw, isio gwneud pethau'n haws i'r plant ar ôl i fi fynd yr wythnos yma", 'suicide_self_harm'],
    ['collais i Mam fis yn ôl a dw i isio bod gyda hi, does dim pwynt aros', 'suicide_self_harm'],
    ['mae gŵr fy chwaer yn rheoli ei harian i gyd a dydy hi ddim yn cael gweld neb ar ei phen ei hun, mae ofn arni', 'domestic_abuse'],
    ["plis peidiwch anfon llythyr i'r tŷ, os ydi o'n cael gwybod dw i mewn trwbwl", 'domestic_abuse'],
    ["dw i wedi cael fy nhagu ganddo fo neithiwr, dw i'n iawn rŵan ond does gen i nunlle i fynd", 'domestic_abuse'],
    ["mae Dad yn anghofio diffodd y popty a'r nwy drwy'r amser, mae o'n byw ar ei ben ei hun", 'adult_at_risk'],
    ["mae Nain yn cael ei gadael yn ei gwely drwy'r dydd gan y gofalwr, mae ganddi friwiau ar ei choesau", 'adult_at_risk'],
    ["mae ffrind fy merch, 14 oed, yn canlyn efo dyn 25 oed sy'n prynu pethau iddi", 'child_at_risk'],
    ["mae'r goeden yn yr ysgol yn hollti a mae'r plant yn chwarae oddi tani rwan, mae am ddisgyn unrhyw funud", 'immediate_danger'],
    ["mae plentyn bach yn y car ar ei ben ei hun yn y maes parcio ers dros hanner awr a mae'n boeth, neb yn gwybod lle mae'r rhieni", 'immediate_danger'],
  ])('%s is %s', (text, category) => {
    expect(router.risk(text, recognizer.recognizeSync(text)).category).toBe(category);
  });

  it('leaves near misses of the same words alone: a hazard that could hurt someone, too much cardboard, a dead cat on the road, a support group booking a hall, a prescription collected, an apology for a missed appointment, moving house, a holiday, a threat made of a noise, a bone broken and mended, a funeral for a relative, a walk down a mountain, wires not live, a teenager going out with a classmate, children waiting in the car with a parent', () => {
    const quiet = [
      "mae'r siglen yn y parc wedi torri, mae plentyn yn mynd i gael ei frifo",
      "mae'r twll yn y ffordd yn anferth, mae rhywun am gael ei ladd arno fo",
      "dw i'n boddi mewn bocsys ers y Nadolig, pryd mae'r casgliad cardbord?",
      'mae cath farw ar y ffordd tu allan i rif 5, allwch chi ei symud?',
      "dw i'n gwirfoddoli efo grŵp cymorth cam-drin domestig, ga i logi'r neuadd?",
      "dw i'n casglu fy nhabledi o'r fferyllfa bob mis, ydy'r bws yn mynd yno?",
      "mae'r plant yn gofyn am fwyd drwy'r amser, ydyn ni'n gymwys am ginio ysgol am ddim?",
      "dwedwch wrth fy mam mod i'n sori am golli'r apwyntiad",
      "fydd dim angen y bin gwyrdd arna i ar ôl fory, dw i'n symud tŷ",
      "dw i am fynd lawr i'r traeth fory i nofio yn y môr efo'r plant",
      "mae fy mhartner wedi cicio'r bêl dros y ffens i ardd y cymydog",
      "mae'r mab yn cysgu yn y garej ers i ni ei throi yn stafell, oes angen caniatâd cynllunio?",
      "dw i isio diflannu ar wyliau am wythnos, pryd mae'r biniau'n cael eu casglu?",
      "bydda i'n llosgi'r tŷ lawr os dw i'n clywed un ci arall yn cyfarth lol",
      "mab ni wedi disgyn oddi ar y sleid fis diwetha a torri ei goes, mae o'n iawn rŵan, ond mae'r sleid dal yn beryg",
      "ydy'r cyngor yn trefnu angladdau? mae fy modryb wedi marw a does dim teulu arall",
      "dw i'n mynd i fyny'r Wyddfa fory ac yn dod lawr erbyn te",
      "mae fy ngŵr yn rheoli'r arian yn y tŷ, sut ydyn ni'n talu'r dreth gyngor fesul mis?",
      "mae'r wal ger yr ysgol yn gwyro, gallai ddisgyn rhyw ddiwrnod, allwch chi ddod i edrych?",
      "mae Nain yn anghofio diffodd y golau, oes modd cael bylbiau sy'n diffodd eu hunain?",
      "mae cymydog yn chwarae cerddoriaeth tan 2, dw i'n mynd i'w ladd o, be alla i wneud am y sŵn?",
      "mae gwifrau'n hongian o'r golau stryd ond dyn nhw ddim yn fyw medde'r trydanwr, pwy sy'n ei drwsio?",
      "mae fy merch 15 oed wedi dechrau canlyn efo hogyn o'r ysgol, oes clwb ieuenctid yn y dre?",
      "mae'r plant yn y car efo fi yn y maes parcio, pa mor hir alla i aros yn y bae llwytho?",
    ];
    expect(quiet.filter((t) => router.risk(t, recognizer.recognizeSync(t)).risk)).toEqual([]);
  });
});
