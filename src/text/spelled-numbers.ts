// Numbers a student spells in Sino-Korean numerals ("--memory 오백십이메가", "일점오코어", "스왑 천이십사냐"),
// written as digits so the value rules read them as they read 512메가 or 1.5코어.

const DIGITS: Record<string, number> = { 영: 0, 공: 0, 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9 };
const PLACES: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };

/** A run of numerals, then what follows it. */
const RUN = /[영공일이삼사오육칠팔구십백천만]+(?:점[영공일이삼사오육칠팔구]+)?/g;
/** A unit after the run makes it a value (이백메가, 일점오코어, 오십퍼센트). */
const UNIT = /^(?:메가|기가|코어|퍼센트|프로|개|바이트|밀리)/;

/** The value of a Sino-Korean numeral run (오백십이 → 512, 일점오 → 1.5), or undefined if it is not one. */
export function spelledValue(run: string): number | undefined {
  const [whole, fraction] = run.split('점');
  let total = 0;
  let group = 0;
  let digit: number | undefined;
  for (const ch of whole) {
    if (ch in DIGITS) {
      if (digit !== undefined) return undefined; // 이이: not a number
      digit = DIGITS[ch];
    } else if (ch in PLACES) {
      group += (digit ?? 1) * PLACES[ch];
      digit = undefined;
    } else if (ch === '만') {
      total += (group + (digit ?? 0) || 1) * 10_000;
      group = 0;
      digit = undefined;
    }
  }
  const integer = total + group + (digit ?? 0);
  if (fraction === undefined) return integer;
  return Number(`${integer}.${[...fraction].map((ch) => DIGITS[ch]).join('')}`);
}

/**
 * The text with spelled numbers as digits: a run before a unit of size, CPU or count, a decimal (일점오), or a run of
 * three numerals or more with a place (오백십이, 천이십사냐). Two-syllable words (사이, 이만, 만일) stay words.
 */
export function spelledToDigits(text: string): string {
  return text.replace(RUN, (run: string, offset: number, all: string) => {
    const before = all[offset - 1];
    if (before && /[가-힣]/.test(before)) return run; // inside a word
    const after = all.slice(offset + run.length);
    const placed = /[십백천만]/.test(run);
    const value = UNIT.test(after) || run.includes('점') || (placed && run.length >= 3) ? spelledValue(run) : undefined;
    return value === undefined || (!placed && !run.includes('점') && run.length < 2) ? run : String(value);
  });
}
