import type { PlatformNode } from './ui-tree.ts';

/**
 * The XPath subset specs and selector maps use: location paths of `/` and `//` steps (optionally
 * starting with `.` to search below a found element), a tag name or `*` per step, and predicates
 * `[@attr="v"]`, `[@attr]`, `[contains(@attr,"v")]`, `[starts-with(@attr,"v")]`, `[text()="v"]`
 * and `[n]`, combined with `and`. Anything else is refused with a message naming what is supported.
 */

type Test =
  | { kind: 'equals'; attr: string; value: string }
  | { kind: 'exists'; attr: string }
  | { kind: 'contains' | 'starts-with'; attr: string; value: string }
  | { kind: 'position'; index: number };

interface Step {
  descendant: boolean;
  name: string;
  predicates: Test[][];
}

export interface ParsedXpath {
  relative: boolean;
  steps: Step[];
}

export const XPATH_SUPPORT =
  'supported: paths of /tag and //tag steps (tag or *), optionally starting with "." below an element, with predicates ' +
  '[@attr="v"], [@attr], [contains(@attr,"v")], [starts-with(@attr,"v")], [text()="v"], [n], joined by "and"';

export class XpathError extends Error {
  constructor(selector: string, reason: string) {
    super(`cannot evaluate xpath ${JSON.stringify(selector)}: ${reason}; ${XPATH_SUPPORT}`);
  }
}

export function parseXpath(selector: string): ParsedXpath {
  const source = selector.trim();
  let at = 0;
  const fail = (reason: string): never => {
    throw new XpathError(selector, `${reason} at offset ${at}`);
  };
  const skipSpaces = (): void => {
    while (source[at] === ' ') at += 1;
  };
  const expect = (token: string): void => {
    skipSpaces();
    if (!source.startsWith(token, at)) fail(`expected "${token}"`);
    at += token.length;
  };
  const readName = (): string => {
    const match = /^[A-Za-z_][\w.:-]*/.exec(source.slice(at));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const readString = (): string => {
    skipSpaces();
    const quote = source[at];
    if (quote !== '"' && quote !== "'") return fail('expected a quoted string');
    const end = source.indexOf(quote, at + 1);
    if (end < 0) return fail('unterminated string');
    const value = source.slice(at + 1, end);
    at = end + 1;
    return value;
  };
  const readAttr = (): string => {
    skipSpaces();
    if (source.startsWith('text()', at)) {
      at += 'text()'.length;
      return 'text';
    }
    expect('@');
    return readName();
  };
  const readTest = (): Test => {
    skipSpaces();
    const number = /^\d+/.exec(source.slice(at));
    if (number) {
      at += number[0].length;
      const index = Number(number[0]);
      if (index < 1) fail('positions start at 1');
      return { kind: 'position', index };
    }
    for (const fn of ['contains', 'starts-with'] as const) {
      if (source.startsWith(`${fn}(`, at)) {
        at += fn.length + 1;
        const attr = readAttr();
        expect(',');
        const value = readString();
        expect(')');
        return { kind: fn, attr, value };
      }
    }
    const attr = readAttr();
    skipSpaces();
    if (source[at] !== '=') return { kind: 'exists', attr };
    at += 1;
    return { kind: 'equals', attr, value: readString() };
  };

  let relative = false;
  if (source.startsWith('.')) {
    relative = true;
    at = 1;
  }
  const steps: Step[] = [];
  while (at < source.length) {
    let descendant: boolean;
    if (source.startsWith('//', at)) {
      descendant = true;
      at += 2;
    } else if (source[at] === '/') {
      descendant = false;
      at += 1;
    } else {
      return fail('expected "/" or "//"');
    }
    let name: string;
    if (source[at] === '*') {
      name = '*';
      at += 1;
    } else {
      name = readName();
    }
    const predicates: Test[][] = [];
    while (source[at] === '[') {
      at += 1;
      const conjunction = [readTest()];
      skipSpaces();
      while (source.startsWith('and ', at)) {
        at += 4;
        conjunction.push(readTest());
        skipSpaces();
      }
      expect(']');
      predicates.push(conjunction);
    }
    steps.push({ descendant, name, predicates });
  }
  if (!steps.length) fail('empty path');
  return { relative, steps };
}

/**
 * Evaluates against `root` (the document element). An absolute path starts above the root, so
 * `/hierarchy` or `//*` reach it; a relative one (`.//x`) starts at `context`. Document order.
 */
export function evaluateXpath(parsed: ParsedXpath, root: PlatformNode, context: PlatformNode | null = null): PlatformNode[] {
  const documentNode: PlatformNode = { tag: '#document', attrs: {}, key: '#virtual-document', children: [root] };
  let current: PlatformNode[] = [parsed.relative && context ? context : documentNode];
  for (const step of parsed.steps) {
    const parents = step.descendant ? unique(current.flatMap(selfAndDescendants)) : current;
    const next: PlatformNode[] = [];
    for (const parent of parents) {
      let group = parent.children.filter((child) => step.name === '*' || child.tag === step.name);
      for (const conjunction of step.predicates) {
        group = group.filter((node, position) => conjunction.every((test) => passes(test, node, position + 1)));
      }
      next.push(...group);
    }
    current = unique(next);
  }
  const order = new Map(selfAndDescendants(root).map((node, index) => [node, index]));
  return current.filter((node) => order.has(node)).sort((a, b) => order.get(a)! - order.get(b)!);
}

function passes(test: Test, node: PlatformNode, position: number): boolean {
  switch (test.kind) {
    case 'position':
      return position === test.index;
    case 'exists':
      return test.attr in node.attrs;
    case 'equals':
      return node.attrs[test.attr] === test.value;
    case 'contains':
      return (node.attrs[test.attr] ?? '').includes(test.value);
    case 'starts-with':
      return (node.attrs[test.attr] ?? '').startsWith(test.value);
  }
}

function selfAndDescendants(node: PlatformNode): PlatformNode[] {
  const nodes = [node];
  for (const child of node.children) nodes.push(...selfAndDescendants(child));
  return nodes;
}

function unique(nodes: PlatformNode[]): PlatformNode[] {
  return [...new Set(nodes)];
}
