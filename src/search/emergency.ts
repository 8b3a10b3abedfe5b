/**
 * Emergency words in every supported language. A question containing one always gets the
 * emergency answer, whatever else it matches: a person in danger must not be shown a menu.
 *
 * Entries are folded (see `fold`): a plain word matches a whole token, `word*` matches a
 * token prefix, and a space-separated entry matches consecutive tokens.
 */
import { fold, tokenize } from './analysis';

const EMERGENCY_WORDS: readonly string[] = [
  // numbers of the national emergency services in our countries (three digits only)
  '112',
  '100',
  '166',
  '199',
  '113',
  '118',
  '101',
  '110',
  '091',
  '061',
  // en
  'emergency',
  'emergencies',
  'ambulance*',
  'police',
  'policeman',
  'firefighter*',
  'fire brigade',
  'bleeding',
  'overdose',
  'suicide',
  'heart attack',
  'stabbed',
  'raped',
  'kidnapped',
  // fr
  'urgence*',
  'pompier*',
  'samu',
  'gendarmerie',
  'gendarme*',
  // nl
  'noodgeval*',
  'noodnummer*',
  'noodsituatie*',
  'spoed*',
  'politie',
  'brandweer',
  // es
  'emergencia*',
  'urgencia*',
  'ambulancia*',
  'policia',
  'bombero*',
  'socorro',
  // it
  'emergenz*',
  'urgenz*',
  'ambulanz*',
  'polizia',
  'carabinieri',
  'pompieri',
  'vigili del fuoco',
  'pronto soccorso',
  // el (folded: no tonos)
  'εκτακτ*',
  'επειγον*',
  'ασθενοφορ*',
  'αστυνομ*',
  'πυροσβεστ*',
  // lv (folded: no diacritics)
  'arkartas',
  'atra palidziba',
  'atro palidzibu',
  'neatliekam*',
  'policij*',
  'ugunsdzesej*',
  // ar (folded letter variants)
  'طواري*',
  'الطواري*',
  'اسعاف',
  'الاسعاف',
  'شرطه',
  'الشرطه',
  'نجده',
  'النجده',
  'حريق',
  // uk
  'екстрен*',
  'швидк* допомог*',
  'невідклад*',
  'поліці*',
  'пожеж*',
  'рятувальн*',
  // ru
  'экстренн*',
  'скор* помощ*',
  'неотложн*',
  'полици*',
  'пожар*',
  'спасател*',
  // fa (folded: ی→ي, ک→ك)
  'اورژانس',
  'امبولانس',
  'پليس',
  'اتش نشاني',
  'اتشنشاني',
  // tr (folded: ı→i)
  'acil',
  'ambulans',
  'polis',
  'itfaiye',
  'yangin',
  'imdat',
];

type Part = { readonly text: string; readonly prefix: boolean };

const PARTS: ReadonlyArray<readonly Part[]> = EMERGENCY_WORDS.map((entry) =>
  entry.split(' ').map((part) => {
    const prefix = part.endsWith('*');
    return { text: fold(prefix ? part.slice(0, -1) : part), prefix };
  }),
);

/** One-word entries that must equal a token: a set lookup per token. */
const WHOLE_WORDS = new Set(PARTS.filter((p) => p.length === 1 && !p[0]?.prefix).map((p) => p[0]?.text as string));
/** One-word prefix entries and multi-word entries: checked one by one. */
const OTHER_PATTERNS = PARTS.filter((p) => p.length > 1 || p[0]?.prefix);

/** Folded tokens by token: people write the same few hundred words. */
const foldedTokens = new Map<string, string>();

function foldToken(token: string): string {
  let folded = foldedTokens.get(token);
  if (folded === undefined) {
    folded = fold(token);
    if (foldedTokens.size >= 50_000) foldedTokens.clear();
    foldedTokens.set(token, folded);
  }
  return folded;
}

/** True when the text contains an emergency word of any supported language. */
export function hasEmergencyWord(text: string): boolean {
  return hasEmergencyToken(tokenize(text.normalize('NFKC').toLowerCase()));
}

/** The same for a text already split into lower-cased word tokens (`wordTokens`). */
export function hasEmergencyToken(words: readonly string[]): boolean {
  const tokens = words.map(foldToken);
  for (const token of tokens) {
    if (!WHOLE_WORDS.has(token)) continue;
    // National numbers other than 112 count only in very short messages ("call 166"), so
    // that "rent is 100 euros" is not mistaken for an emergency.
    if (/^\d+$/.test(token) && token !== '112' && tokens.length > 3) continue;
    return true;
  }
  for (const pattern of OTHER_PATTERNS) {
    for (let i = 0; i + pattern.length <= tokens.length; i++) {
      let all = true;
      for (let j = 0; j < pattern.length; j++) {
        const part = pattern[j];
        const token = tokens[i + j];
        if (!part || token === undefined || !(part.prefix ? token.startsWith(part.text) : token === part.text)) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
  }
  return false;
}
