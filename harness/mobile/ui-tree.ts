import type { ClientStateEntry } from '../oracles/types.ts';

/**
 * The UI tree as evidence. Appium's page source (UiAutomator2's `hierarchy`, XCUITest's
 * `XCUIElementType*`) is parsed into elements; every element that carries text becomes client
 * state (what the app holds on screen) and, when displayed, visible text (what a person sees).
 */
export interface UiElement {
  tag: string;
  attrs: Record<string, string>;
  /** Position in document order, for naming elements without an id. */
  index: number;
}

/** Attributes that carry an element's content on either platform. */
const CONTENT_ATTRIBUTES = ['text', 'content-desc', 'name', 'label', 'value'] as const;
/** What a person reads: Android's text and content description, iOS's label and value. */
const VISIBLE_ATTRIBUTES = ['text', 'content-desc', 'label', 'value'] as const;

const TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*\/?>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

function decodeXml(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? entity;
  });
}

/** Every element of a page source, in document order (the XML declaration is skipped). */
export function parseUiTree(xml: string): UiElement[] {
  const elements: UiElement[] = [];
  for (const match of xml.matchAll(TAG)) {
    const attrs: Record<string, string> = {};
    for (const [, name, value] of match[2]!.matchAll(ATTRIBUTE)) attrs[name!] = decodeXml(value!);
    elements.push({ tag: match[1]!, attrs, index: elements.length });
  }
  return elements;
}

/**
 * How a report names an element: its accessibility id (Android content-desc; an iOS name that is
 * not just the element's own text), else its resource id, else tag and position.
 */
export function describeElement(element: UiElement): string {
  const { attrs } = element;
  const iosName = attrs['name'] && attrs['name'] !== attrs['label'] && attrs['name'] !== attrs['value'] ? attrs['name'] : '';
  const id = attrs['content-desc'] || iosName || attrs['resource-id'];
  return id ? `~${id}` : `${element.tag}[${element.index}]`;
}

function isDisplayed(element: UiElement): boolean {
  return element.attrs['displayed'] !== 'false' && element.attrs['visible'] !== 'false';
}

/** One client-state entry per element and content attribute (`ui android.widget.TextView`, `~status @text`). */
export function uiStateEntries(elements: UiElement[]): ClientStateEntry[] {
  const entries: ClientStateEntry[] = [];
  for (const element of elements) {
    const seen = new Set<string>();
    for (const attribute of CONTENT_ATTRIBUTES) {
      const value = element.attrs[attribute];
      if (!value || seen.has(value)) continue;
      seen.add(value);
      entries.push({ store: `ui ${element.tag}`, key: `${describeElement(element)} @${attribute}`, value });
    }
  }
  return entries;
}

/** What a person sees on the screen: every displayed text, label, content description and value, one per line. */
export function visibleTextOf(elements: UiElement[], where: string): { where: string; text: string }[] {
  const lines: string[] = [];
  for (const element of elements.filter(isDisplayed)) {
    const seen = new Set<string>();
    for (const attribute of VISIBLE_ATTRIBUTES) {
      const value = element.attrs[attribute];
      if (value && !seen.has(value)) {
        seen.add(value);
        lines.push(value);
      }
    }
  }
  return [{ where, text: lines.join('\n') }];
}
