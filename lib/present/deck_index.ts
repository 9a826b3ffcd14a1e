/**
 * The index page of the decks: one self-contained HTML file (no scripts, no external
 * resources) that lists every deck with its title, size and how it was executed.
 *
 * @module
 */

/** One deck on the index page. */
export interface DeckEntry {
  /** The source notebook's file name, e.g. "01_problem_description.ipynb". */
  notebook: string;
  /** The deck's file name relative to the index page, e.g. "01_problem_description.slides.html". */
  deck: string;
  /** Title shown on the index. */
  title: string;
  /** Slides including vertical subslides. */
  slides: number;
  /** Speaker-note cells. */
  notes: number;
  /** How the outputs were made, e.g. "executed now in 12.3 s" or "from out/notebooks". */
  executed: string;
  /** What the notebook's pretraining cell reported (trained now / loaded a checkpoint), if any. */
  pretraining: string | null;
}

/** Escapes text for HTML element content and double-quoted attributes. */
function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The index page listing `decks` in order; `note` is one line shown under the heading. */
export function deckIndexHtml(decks: readonly DeckEntry[], note: string): string {
  if (decks.length === 0) throw new Error("deckIndexHtml: no decks to list");
  const rows = decks.map((d) =>
    [
      "<tr>",
      `<td><a href="${escapeHtml(encodeURI(d.deck))}">${escapeHtml(d.title)}</a></td>`,
      `<td>${escapeHtml(d.notebook)}</td>`,
      `<td class="n">${d.slides}</td>`,
      `<td class="n">${d.notes}</td>`,
      `<td>${escapeHtml(d.executed)}${
        d.pretraining ? `<br><small>${escapeHtml(d.pretraining)}</small>` : ""
      }</td>`,
      "</tr>",
    ].join("")
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>contrastive-sensors — slides</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
td.n { text-align: right; }
small { color: #555; }
</style>
</head>
<body>
<h1>Contrastive losses for sensor data — slides</h1>
<p>${escapeHtml(note)}</p>
<p>Keys in a deck: <kbd>→</kbd>/<kbd>space</kbd> next, <kbd>↓</kbd> subslide,
<kbd>S</kbd> speaker notes, <kbd>F</kbd> full screen, <kbd>Esc</kbd> overview.</p>
<table>
<thead><tr><th>deck</th><th>notebook</th><th>slides</th><th>notes</th><th>outputs</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</body>
</html>
`;
}
