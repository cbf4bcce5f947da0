import { APP_ID, APP_TITLE } from '../constants.ts';
import type { SimPlatform, UiNode, UiRole } from '../types.ts';

/**
 * Renders the app's platform-neutral UI as the hierarchy the platform's Appium driver shows:
 * UiAutomator2's `hierarchy/android.widget.*` (content-desc, text, resource-id, bounds) or
 * XCUITest's `AppiumAUT/XCUIElementType*` (name, label, value, x/y/width/height). Page source,
 * xpath and element attributes all read this one tree, so they never disagree.
 */
export interface PlatformNode {
  tag: string;
  /** Attributes in the order the real drivers print them. */
  attrs: Record<string, string>;
  /** The app node's key, or a fixed key for the platform's wrapper nodes. */
  key: string;
  children: PlatformNode[];
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SCREEN = { android: { width: 1080, height: 2400, row: 126, inset: 0 }, ios: { width: 390, height: 844, row: 44, inset: 47 } } as const;

const ANDROID_CLASS: Record<UiRole, string> = {
  screen: 'android.widget.LinearLayout',
  container: 'android.widget.LinearLayout',
  text: 'android.widget.TextView',
  button: 'android.widget.Button',
  input: 'android.widget.EditText',
  list: 'androidx.recyclerview.widget.RecyclerView',
  item: 'android.view.ViewGroup',
};

const IOS_TYPE: Record<UiRole, string> = {
  screen: 'XCUIElementTypeOther',
  container: 'XCUIElementTypeOther',
  text: 'XCUIElementTypeStaticText',
  button: 'XCUIElementTypeButton',
  input: 'XCUIElementTypeTextField',
  list: 'XCUIElementTypeTable',
  item: 'XCUIElementTypeCell',
};

/** The document element for the app's UI, or for the home screen while the app is in the background. */
export function platformTree(platform: SimPlatform, app: UiNode | null): PlatformNode {
  const screen = SCREEN[platform];
  const boxes = new Map<string, Box>();
  if (app) layout(app, screen.inset, screen, boxes);
  return platform === 'android' ? androidDocument(app, boxes) : iosDocument(app, boxes);
}

/** What WebDriver's "get element text" answers for a node, as each platform's driver does. */
export function textOf(platform: SimPlatform, node: PlatformNode): string {
  if (platform === 'android') return node.attrs['text'] ?? '';
  return node.attrs['value'] || node.attrs['label'] || '';
}

export function isEditable(node: PlatformNode): boolean {
  return node.tag === ANDROID_CLASS.input || node.tag === IOS_TYPE.input;
}

export function boundsOf(platform: SimPlatform, node: PlatformNode): Box {
  if (platform === 'ios') {
    return { x: Number(node.attrs['x'] ?? 0), y: Number(node.attrs['y'] ?? 0), width: Number(node.attrs['width'] ?? 0), height: Number(node.attrs['height'] ?? 0) };
  }
  const match = /^\[(\d+),(\d+)\]\[(\d+),(\d+)\]$/.exec(node.attrs['bounds'] ?? '');
  if (!match) return { x: 0, y: 0, width: 0, height: 0 };
  const [x1, y1, x2, y2] = match.slice(1).map(Number) as [number, number, number, number];
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** Every node of the tree in document order. */
export function allNodes(root: PlatformNode): PlatformNode[] {
  const nodes: PlatformNode[] = [];
  const visit = (node: PlatformNode): void => {
    nodes.push(node);
    node.children.forEach(visit);
  };
  visit(root);
  return nodes;
}

export function toXml(root: PlatformNode, platform: SimPlatform): string {
  const declaration = platform === 'android' ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' : '<?xml version="1.0" encoding="UTF-8"?>';
  const lines = [declaration];
  const write = (node: PlatformNode, depth: number): void => {
    const indent = '  '.repeat(depth);
    const attrs = Object.entries(node.attrs)
      .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
      .join('');
    if (!node.children.length) {
      lines.push(`${indent}<${node.tag}${attrs}/>`);
      return;
    }
    lines.push(`${indent}<${node.tag}${attrs}>`);
    for (const child of node.children) write(child, depth + 1);
    lines.push(`${indent}</${node.tag}>`);
  };
  write(root, 0);
  return `${lines.join('\n')}\n`;
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Stacks leaves top to bottom, one row each; a container spans its children. */
function layout(node: UiNode, top: number, screen: { width: number; row: number }, boxes: Map<string, Box>): number {
  let cursor = top;
  if (node.children?.length) {
    for (const child of node.children) cursor = layout(child, cursor, screen, boxes);
  } else {
    cursor += screen.row;
  }
  boxes.set(node.key, { x: 0, y: top, width: screen.width, height: cursor - top });
  return cursor;
}

function androidDocument(app: UiNode | null, boxes: Map<string, Box>): PlatformNode {
  const { width, height } = SCREEN.android;
  const packageName = app ? APP_ID : 'com.google.android.apps.nexuslauncher';
  const convert = (node: UiNode, index: number): PlatformNode => {
    const tag = ANDROID_CLASS[node.role];
    const box = boxes.get(node.key) ?? { x: 0, y: 0, width: 0, height: 0 };
    const attrs: Record<string, string> = {
      index: String(index),
      package: packageName,
      class: tag,
      text: node.text ?? '',
      ...(node.accessibilityId ? { 'content-desc': node.accessibilityId, 'resource-id': `${APP_ID}:id/${node.accessibilityId.replace(/-/g, '_')}` } : { 'resource-id': '' }),
      ...(node.role === 'input' && node.hint ? { hint: node.hint } : {}),
      checkable: 'false',
      checked: 'false',
      clickable: String(isTappable(node.role)),
      enabled: String(node.enabled ?? true),
      focusable: String(isTappable(node.role)),
      focused: 'false',
      'long-clickable': 'false',
      password: 'false',
      scrollable: String(node.role === 'list'),
      selected: String(node.selected ?? false),
      bounds: `[${box.x},${box.y}][${box.x + box.width},${box.y + box.height}]`,
      displayed: 'true',
    };
    return { tag, attrs, key: node.key, children: (node.children ?? []).map(convert) };
  };
  const frame: PlatformNode = {
    tag: 'android.widget.FrameLayout',
    key: '#frame',
    attrs: {
      index: '0',
      package: packageName,
      class: 'android.widget.FrameLayout',
      text: '',
      'resource-id': '',
      checkable: 'false',
      checked: 'false',
      clickable: 'false',
      enabled: 'true',
      focusable: 'false',
      focused: 'false',
      'long-clickable': 'false',
      password: 'false',
      scrollable: 'false',
      selected: 'false',
      bounds: `[0,0][${width},${height}]`,
      displayed: 'true',
    },
    children: app ? [convert(app, 0)] : [],
  };
  return { tag: 'hierarchy', key: '#document', attrs: { index: '0', class: 'hierarchy', rotation: '0', width: String(width), height: String(height) }, children: [frame] };
}

function iosDocument(app: UiNode | null, boxes: Map<string, Box>): PlatformNode {
  const { width, height } = SCREEN.ios;
  const convert = (node: UiNode, index: number): PlatformNode => {
    const tag = IOS_TYPE[node.role];
    const box = boxes.get(node.key) ?? { x: 0, y: 0, width: 0, height: 0 };
    const text = node.text ?? '';
    const name = node.accessibilityId ?? (node.role === 'text' ? text : '');
    const attrs: Record<string, string> = {
      type: tag,
      ...(name ? { name } : {}),
      ...(node.role === 'input' ? {} : text ? { label: text } : {}),
      ...(node.role === 'text' || node.role === 'input' ? { value: text } : {}),
      ...(node.role === 'input' && node.hint ? { placeholderValue: node.hint } : {}),
      enabled: String(node.enabled ?? true),
      visible: 'true',
      accessible: String(Boolean(node.accessibilityId) || node.role === 'text'),
      ...(node.selected ? { selected: 'true' } : {}),
      x: String(box.x),
      y: String(box.y),
      width: String(box.width),
      height: String(box.height),
      index: String(index),
    };
    return { tag, attrs, key: node.key, children: (node.children ?? []).map(convert) };
  };
  const name = app ? APP_TITLE : 'SpringBoard';
  const frame = { x: '0', y: '0', width: String(width), height: String(height) };
  const window: PlatformNode = {
    tag: 'XCUIElementTypeWindow',
    key: '#window',
    attrs: { type: 'XCUIElementTypeWindow', enabled: 'true', visible: 'true', accessible: 'false', ...frame, index: '0' },
    children: app ? [convert(app, 0)] : [],
  };
  const application: PlatformNode = {
    tag: 'XCUIElementTypeApplication',
    key: '#application',
    attrs: { type: 'XCUIElementTypeApplication', name, label: name, enabled: 'true', visible: 'true', accessible: 'false', ...frame, index: '0' },
    children: [window],
  };
  return { tag: 'AppiumAUT', key: '#document', attrs: {}, children: [application] };
}

function isTappable(role: UiRole): boolean {
  return role === 'button' || role === 'input' || role === 'item';
}
