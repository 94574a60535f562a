// Builds src/commands/fonts/NotoSansKR-chart.ttf: Noto Sans KR (SIL OFL 1.1) cut down to the Hangul the
// sandbox charts draw (src/commands/sandbox-chart-text.ts), so Korean charts render without tofu and
// the repository carries ~20 KB instead of 6 MB. Run it after changing a Korean chart text:
//   npm pack @expo-google-fonts/noto-sans-kr && tar xzf expo-google-fonts-noto-sans-kr-*.tgz
//   apt-get install fonttools
//   npx tsx scripts/build-chart-font.ts package/400Regular/NotoSansKR_400Regular.ttf
import { execFileSync } from 'node:child_process';
import { allChartText } from '../src/commands/sandbox-chart-text.js';

export const CHART_FONT_OUT = 'src/commands/fonts/NotoSansKR-chart.ttf';

/** The Hangul (syllables and jamo) the chart texts use, sorted, once each. */
export function chartHangul(): string {
  return [...new Set(allChartText().match(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g) ?? [])].sort().join('');
}

const source = process.argv[2];
if (!source) {
  console.error('usage: npx tsx scripts/build-chart-font.ts <NotoSansKR-Regular.ttf>');
  process.exit(2);
}
execFileSync('pyftsubset', [source, `--text=${chartHangul()}`, `--output-file=${CHART_FONT_OUT}`, '--no-hinting', '--desubroutinize'], {
  stdio: 'inherit',
});
console.log(`wrote ${CHART_FONT_OUT} (${chartHangul().length} Hangul characters)`);
