import { assert, assertRejectsWith } from "../_assert.ts";
import {
  checkLocalReferences,
  htmlReferences,
  isExternalUrl,
} from "../../lib/present/html_references.ts";

const PAGE = `<!DOCTYPE html><html><head>
<script src="vendor/require.js"></script>
<link rel="stylesheet" href="reveal.js/dist/reveal.css">
<script>var s = '<script src="https://cdn.example/x.js"><\\/script>'; require(["https://unpkg.com/y"]);</script>
</head><body>
<img src="data:image/png;base64,AAAA">
<svg><image href="plot.png"/></svg>
<a href="https://example.com">a link is not loaded</a>
</body></html>`;

Deno.test("htmlReferences() lists what tags load, not text inside scripts or links", () => {
  assert.deepEqual(htmlReferences(PAGE), [
    { tag: "script", attribute: "src", url: "vendor/require.js" },
    { tag: "link", attribute: "href", url: "reveal.js/dist/reveal.css" },
    { tag: "img", attribute: "src", url: "data:image/png;base64,AAAA" },
    { tag: "image", attribute: "href", url: "plot.png" },
  ]);
});

Deno.test("isExternalUrl() is true only for URLs that need the network", () => {
  for (const u of ["https://unpkg.com/reveal.js", "http://x", "//cdn.example/a.js", "ftp://x"]) {
    assert.equal(isExternalUrl(u), true, u);
  }
  for (const u of ["reveal.js/dist/reveal.js", "../a.css", "/abs/a.js", "file:///a", "data:,x"]) {
    assert.equal(isExternalUrl(u), false, u);
  }
});

Deno.test("checkLocalReferences() passes a page whose files exist and names every problem", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${dir}/vendor`);
    await Deno.writeTextFile(`${dir}/vendor/require.js`, "");
    await Deno.writeTextFile(`${dir}/a b.css`, "");
    await Deno.writeTextFile(
      `${dir}/ok.html`,
      `<script src="vendor/require.js?v=1"></script><link href="a%20b.css" rel="stylesheet">`,
    );
    assert.equal((await checkLocalReferences(`${dir}/ok.html`)).length, 2);
    await Deno.writeTextFile(
      `${dir}/bad.html`,
      `<script src="https://unpkg.com/reveal.js@4.0.2/dist/reveal.js"></script><link href="missing.css" rel="stylesheet">`,
    );
    await assertRejectsWith(
      () => checkLocalReferences(`${dir}/bad.html`),
      `${dir}/bad.html does not work offline`,
      `<script src="https://unpkg.com/reveal.js@4.0.2/dist/reveal.js"> needs the network`,
      `<link href="missing.css"> is missing`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
