import { assert } from "../_assert.ts";
import { SLIDES_TEMPLATE_DIR, slidesArgs } from "../../lib/present/nbconvert_slides.ts";

Deno.test("slidesArgs() points nbconvert at the local assets and the project template", async () => {
  const args = slidesArgs("nb/01_a.ipynb", "out/s", { theme: "white", transition: "fade" });
  assert.deepEqual(args.slice(0, 3), ["nbconvert", "--to", "slides"]);
  assert.deepEqual(args.slice(-3), ["--output-dir", "out/s", "nb/01_a.ipynb"]);
  assert.ok(args.includes("--SlidesExporter.reveal_url_prefix=reveal.js"));
  assert.ok(args.includes("--SlidesExporter.require_js_url=vendor/require.js"));
  assert.ok(args.includes("--SlidesExporter.jquery_url=vendor/jquery.min.js"));
  assert.ok(args.includes("--SlidesExporter.reveal_theme=white"));
  assert.ok(args.includes("--SlidesExporter.reveal_transition=fade"));
  assert.equal(args.filter((a) => /https?:/.test(a)).length, 0);
  assert.ok(args.includes(`--TemplateExporter.extra_template_basedirs=${SLIDES_TEMPLATE_DIR}`));
  const conf = JSON.parse(await Deno.readTextFile(`${SLIDES_TEMPLATE_DIR}/cs_slides/conf.json`));
  assert.equal(conf.base_template, "reveal");
});
