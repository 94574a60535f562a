// Sentence splitting for Korean and English prose, with ICU's segmenter (built into Node).
const segmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

/** Sentences of a text; line breaks (list items, table rows, code lines) always end a sentence. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    // Go templates ({{.State.OOMKilled}}), their field names (.CPUPerc, .MemUsage) and paths (COPY . .) have dots
    // that are not sentence ends: hide them while segmenting.
    const templates: string[] = [];
    // A lone dot with a space before it (COPY . .) and a relative path (./, ../) are paths, not full stops.
    const masked = trimmed.replace(
      /\{\{[^}]*\}\}|(?<=^|[\s(,])\.[A-Za-z][\w.]*|(?<=\s)\.(?=[\s가-힣]|$)|(?<=^|[\s(,`])\.{1,2}\/(?:[^\s,]*[^\s,.])?/g,
      (t) => `\uE001${templates.push(t) - 1}\uE002`,
    );
    // ICU does not end a sentence before a lowercase or "-" start (다. --all은 …, 0.5 CPU. --cpus alone …, publishing
    // it. -p 8080:80 …, … port. docker port web …): a Hangul syllable and a full stop always end one, and so does a
    // full stop before an option or a lowercase word (a command, a program's name), abbreviations aside.
    const segments = [...segmenter.segment(masked)].flatMap(({ segment }) =>
      segment.split(/(?<=[가-힣)]\.)\s+|(?<!\b(?:e\.g|i\.e|vs|etc|cf)\.)(?<=[A-Za-z0-9]\.)\s+(?=-{0,2}[a-z])/),
    );
    for (const segment of segments) {
      const s = segment.trim().replace(/\uE001(\d+)\uE002/g, (_, i: string) => templates[Number(i)]);
      if (!s) continue;
      // ICU ends a sentence after "e.g." / "i.e." / "vs."; glue such fragments back on.
      const prev = out[out.length - 1];
      if (prev !== undefined && /(?:\b(?:e\.g|i\.e|vs|etc|cf)\.)$/i.test(prev) && out.length > 0) out[out.length - 1] = `${prev} ${s}`;
      else out.push(s);
    }
  }
  return out;
}
