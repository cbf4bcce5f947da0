import { DOMImplementation, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import xpath from 'xpath';
import type { PlatformNode } from './ui-tree.ts';

/**
 * XPath 1.0 over the platform UI tree, as Appium's real drivers evaluate it over their page
 * source: the `xpath` library (a maintained DOM 3 XPath engine) on an @xmldom/xmldom document
 * built from the tree, each element mapped back to its node. Elements have attributes and no text
 * nodes, as in UiAutomator2's and XCUITest's sources: `[@text="…"]`, not `[text()="…"]`.
 */

export class XpathError extends Error {
  constructor(selector: string, reason: string) {
    super(`cannot evaluate xpath ${JSON.stringify(selector)}: ${reason}; write an XPath 1.0 path that selects elements, e.g. //*[@content-desc="status"]`);
  }
}

/** The tree as an XML document, with the node each element stands for. */
function documentOf(root: PlatformNode): { document: XmlDocument; nodeOf: Map<unknown, PlatformNode>; elementOf: Map<PlatformNode, XmlElement> } {
  const document = new DOMImplementation().createDocument(null, root.tag);
  const nodeOf = new Map<unknown, PlatformNode>();
  const elementOf = new Map<PlatformNode, XmlElement>();
  const fill = (element: XmlElement, node: PlatformNode): XmlElement => {
    for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value);
    for (const child of node.children) element.appendChild(fill(document.createElement(child.tag), child));
    nodeOf.set(element, node);
    elementOf.set(node, element);
    return element;
  };
  fill(document.documentElement!, root);
  return { document, nodeOf, elementOf };
}

/**
 * Evaluates against `root` (the document element). An absolute path starts at the document, so
 * `/hierarchy` or `//*` reach the root; a relative one (`.//x`) starts at `context`, else at the
 * document. Document order. A selector that is not XPath, or selects no elements (a number, an
 * attribute), is an XpathError.
 */
export function evaluateXpath(selector: string, root: PlatformNode, context: PlatformNode | null = null): PlatformNode[] {
  const { document, nodeOf, elementOf } = documentOf(root);
  const start = (context ? elementOf.get(context) : undefined) ?? document;
  let selected: Node[] | string | number | boolean | Node | null;
  try {
    selected = xpath.select(selector, start as unknown as Node);
  } catch (error) {
    throw new XpathError(selector, (error as Error).message);
  }
  if (!xpath.isArrayOfNodes(selected)) throw new XpathError(selector, `it yields the ${typeof selected} ${JSON.stringify(selected)}, not elements`);
  return selected.map((found) => {
    const node = nodeOf.get(found);
    if (!node) throw new XpathError(selector, `it selects a ${found.nodeType === 2 ? 'attribute' : 'non-element node'}, not elements`);
    return node;
  });
}
