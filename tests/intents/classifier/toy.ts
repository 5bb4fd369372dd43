import type { TrainingExample } from '../../../intents/classifier';

const raw: Record<string, string[]> = {
  report_pothole: [
    'there is a pothole on my road',
    'report a pothole',
    'huge pothole on the high street',
    'pothole damaged my car',
    'hole in the road outside my house',
    'the road surface is broken',
    'deep pothole near the school',
    'pot hole on mill lane',
  ],
  bin_collection_day: [
    'when is my bin collected',
    'what day is bin collection',
    'when do the bins go out',
    'bin day this week',
    'which day are recycling bins emptied',
    'when will my rubbish be collected',
    'next bin collection date',
    'is it black bin week',
  ],
  council_tax: [
    'how do i pay my council tax',
    'council tax bill is wrong',
    'can i get a council tax discount',
    'pay council tax online',
    'my council tax band',
    'council tax direct debit',
    'i cannot afford my council tax',
    'single person council tax discount',
  ],
  report_streetlight: [
    'street light is broken',
    'the streetlight outside my house is out',
    'lamp post not working',
    'street lamp flickering',
    'light on our street keeps going off',
    'broken street light on park road',
    'streetlight stays on all day',
    'report a faulty street lamp',
  ],
  greeting: ['hello', 'hi there', 'good morning', 'hey', 'hiya', 'good afternoon', 'hello council', 'hi how are you'],
};

export const TOY_TRAIN: TrainingExample[] = Object.entries(raw).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent })));

export const TOY_OOS: TrainingExample[] = [
  'what is the weather tomorrow',
  'tell me a joke',
  'who won the football',
  'book me a flight to spain',
  'what is the capital of france',
  'play some music',
  'how tall is mount everest',
  'recommend a good film',
].map((text) => ({ text, intent: 'none' }));
