import { assert } from "../_assert.ts";
import {
  copyDeckAssets,
  DECK_ASSET_URLS,
  DECK_PACKAGES,
  packageDir,
} from "../../lib/present/deck_assets.ts";

Deno.test("copyDeckAssets() copies what every deck URL points at, from the pinned packages", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const files = await copyDeckAssets(dir);
    assert.ok(files.length > 50, `${files.length} files`);
    for (
      const url of [
        `${DECK_ASSET_URLS.reveal}/dist/reveal.js`,
        `${DECK_ASSET_URLS.reveal}/dist/reveal.css`,
        `${DECK_ASSET_URLS.reveal}/dist/theme/white.css`,
        `${DECK_ASSET_URLS.reveal}/dist/theme/fonts/source-sans-pro/source-sans-pro.css`,
        `${DECK_ASSET_URLS.reveal}/plugin/notes/notes.js`,
        DECK_ASSET_URLS.requireJs,
        DECK_ASSET_URLS.jquery,
        DECK_ASSET_URLS.mathjax.replace(/\?.*$/, ""),
        "mathjax/config/TeX-AMS_CHTML-full.js",
        "mathjax/jax/output/CommonHTML/fonts/TeX/fontdata.js",
        "mathjax/fonts/HTML-CSS/TeX/woff/MathJax_Main-Regular.woff",
      ]
    ) {
      assert.ok((await Deno.stat(`${dir}/${url}`)).size > 0, url);
    }
    // byte-identical copies of the package files
    const a = await Deno.readFile(`${packageDir("reveal.js")}/dist/reveal.js`);
    assert.deepEqual(await Deno.readFile(`${dir}/reveal.js/dist/reveal.js`), a);
    // the big MathJax accessibility extension is not copied
    await Deno.stat(`${dir}/mathjax/extensions/a11y`).then(
      () => assert.fail("a11y copied"),
      () => {},
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("DECK_PACKAGES are the versions pinned in deno.json", async () => {
  const imports = JSON.parse(await Deno.readTextFile("deno.json")).imports;
  for (const [pkg, version] of Object.entries(DECK_PACKAGES)) {
    assert.equal(imports[pkg], `npm:${pkg}@${version}`);
  }
});
