/**
 * What an HTML page loads: the URLs in its script, stylesheet, image and frame tags (parsed
 * with parse5, so text inside scripts is not mistaken for tags), and a check that a deck
 * loads only files that exist beside it.
 *
 * @module
 */
import { parse } from "parse5";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One resource an HTML page loads. */
export interface HtmlReference {
  tag: string;
  attribute: string;
  url: string;
}

/** Tag → attributes whose URL the browser loads on its own. */
const LOADING_ATTRIBUTES: Record<string, readonly string[]> = {
  script: ["src"],
  link: ["href"],
  img: ["src", "srcset"],
  iframe: ["src"],
  frame: ["src"],
  source: ["src", "srcset"],
  audio: ["src"],
  video: ["src", "poster"],
  embed: ["src"],
  object: ["data"],
  image: ["href", "xlink:href"],
  use: ["href", "xlink:href"],
};

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** Every URL the page loads through its tags, in document order. */
export function htmlReferences(html: string): HtmlReference[] {
  const refs: HtmlReference[] = [];
  const walk = (node: Node) => {
    const attrs = LOADING_ATTRIBUTES[node.nodeName];
    if (attrs && node.attrs) {
      for (const a of node.attrs) {
        const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
        if (attrs.includes(name) && a.value.trim() !== "") {
          refs.push({ tag: node.nodeName, attribute: name, url: a.value.trim() });
        }
      }
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as Node);
  return refs;
}

/** True for a URL that needs the network: any scheme but file/data/blob, or `//host/…`. */
export function isExternalUrl(url: string): boolean {
  if (url.startsWith("//")) return true;
  const scheme = url.match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/)?.[1]?.toLowerCase();
  return scheme !== undefined && !["file", "data", "blob", "about", "javascript"].includes(scheme);
}

/**
 * Checks that the HTML file at `path` loads nothing from the network and that every local
 * file it loads exists; returns its references, throws one message listing every problem.
 */
export async function checkLocalReferences(path: string): Promise<HtmlReference[]> {
  const refs = htmlReferences(await Deno.readTextFile(path));
  const problems: string[] = [];
  for (const r of refs) {
    if (r.url.startsWith("data:") || r.url.startsWith("#")) continue;
    if (isExternalUrl(r.url)) {
      problems.push(`<${r.tag} ${r.attribute}="${r.url}"> needs the network`);
      continue;
    }
    const plain = decodeURI(r.url.replace(/[?#].*$/, ""));
    const file = plain.startsWith("file:")
      ? fileURLToPath(plain)
      : plain.startsWith("/")
      ? plain
      : join(dirname(path), plain);
    try {
      await Deno.stat(file);
    } catch {
      problems.push(`<${r.tag} ${r.attribute}="${r.url}"> is missing (${file})`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`${path} does not work offline: ${problems.join("; ")}`);
  }
  return refs;
}
