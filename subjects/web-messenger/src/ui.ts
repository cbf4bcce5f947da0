import type { CachedConversation } from './types.ts';

const FRAME_STYLE = `
  body { font: 14px system-ui, sans-serif; margin: 0; color: #1a1a1a; }
  header { background: #1f5eff; color: white; padding: 16px; }
  h1 { font-size: 18px; margin: 0; }
  ul { list-style: none; margin: 0; padding: 8px 16px; }
  li { border-bottom: 1px solid #eee; padding: 8px 0; }
  p { margin: 4px 0; }
  .error { color: #b00020; padding: 16px; }
  form { display: flex; gap: 8px; padding: 8px 16px; }
  textarea { flex: 1; }
`;

/**
 * The launcher and the messenger frame. The frame is an about:blank iframe the client writes
 * into, as Intercom's is; its body's `data-state` says when what it shows is settled.
 */
export class MessengerUi {
  private launcher: HTMLButtonElement | null = null;
  private container: HTMLDivElement | null = null;
  private frame: HTMLIFrameElement | null = null;

  constructor(private readonly onSend: (text: string, conversationId: string | null) => void) {}

  mountLauncher(unread: number, onClick: () => void): void {
    if (!this.launcher) {
      this.launcher = document.createElement('button');
      this.launcher.id = 'intercom-launcher';
      this.launcher.setAttribute('aria-label', 'Open Intercom Messenger');
      this.launcher.style.cssText = 'position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;background:#1f5eff;color:#fff;border:0;';
      this.launcher.addEventListener('click', onClick);
      document.body.appendChild(this.launcher);
    }
    this.launcher.textContent = unread > 0 ? `💬 ${unread}` : '💬';
  }

  get isOpen(): boolean {
    return this.container !== null && this.container.style.display !== 'none';
  }

  open(): Document {
    if (!this.container) {
      this.container = document.createElement('div');
      this.container.id = 'intercom-container';
      this.container.style.cssText = 'position:fixed;right:20px;bottom:90px;width:360px;height:480px;box-shadow:0 4px 24px rgba(0,0,0,.2);background:#fff;';
      this.frame = document.createElement('iframe');
      this.frame.id = 'intercom-frame';
      this.frame.title = 'Intercom live chat';
      this.frame.style.cssText = 'border:0;width:100%;height:100%;';
      this.container.appendChild(this.frame);
      document.body.appendChild(this.container);
    }
    this.container.style.display = 'block';
    const doc = this.frame!.contentDocument!;
    if (!doc.getElementById('messenger-root')) {
      doc.open();
      doc.write(`<!doctype html><html><head><style>${FRAME_STYLE}</style></head><body data-state="loading"><div id="messenger-root"></div></body></html>`);
      doc.close();
    }
    return doc;
  }

  hide(): void {
    if (this.container) this.container.style.display = 'none';
  }

  renderConversations(greetingName: string | null, conversations: CachedConversation[]): void {
    const doc = this.open();
    const root = doc.getElementById('messenger-root')!;
    // A refresh must not eat what the person is typing.
    const draft = (doc.getElementById('composer') as HTMLTextAreaElement | null)?.value ?? '';
    root.replaceChildren();
    const header = doc.createElement('header');
    const greeting = doc.createElement('h1');
    greeting.id = 'greeting';
    greeting.textContent = greetingName ? `Hi ${greetingName}` : 'Hi there 👋';
    header.appendChild(greeting);
    root.appendChild(header);

    const list = doc.createElement('ul');
    list.id = 'conversations';
    for (const conversation of conversations) {
      const item = doc.createElement('li');
      item.className = 'conversation';
      item.dataset['id'] = conversation.id;
      for (const part of conversation.parts) {
        const paragraph = doc.createElement('p');
        paragraph.className = 'part';
        paragraph.textContent = part;
        item.appendChild(paragraph);
      }
      list.appendChild(item);
    }
    if (conversations.length === 0) {
      const empty = doc.createElement('li');
      empty.id = 'no-conversations';
      empty.textContent = 'No conversations yet.';
      list.appendChild(empty);
    }
    root.appendChild(list);

    const form = doc.createElement('form');
    const composer = doc.createElement('textarea');
    composer.id = 'composer';
    composer.setAttribute('aria-label', 'Write a message');
    composer.value = draft;
    const send = doc.createElement('button');
    send.id = 'send';
    send.type = 'submit';
    send.textContent = 'Send';
    form.append(composer, send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = composer.value.trim();
      composer.value = '';
      if (text) this.onSend(text, conversations[0]?.id ?? null);
    });
    root.appendChild(form);
    this.settle(doc, 'ready');
  }

  setComposer(text: string): void {
    const composer = this.frame?.contentDocument?.getElementById('composer') as HTMLTextAreaElement | null;
    if (composer) composer.value = text;
  }

  renderError(): void {
    const doc = this.open();
    const root = doc.getElementById('messenger-root')!;
    root.replaceChildren();
    const error = doc.createElement('div');
    error.className = 'error';
    error.id = 'messenger-error';
    error.textContent = "Something's gone wrong";
    root.appendChild(error);
    this.settle(doc, 'error');
  }

  /** `data-renders` counts settled renders, so a waiter can tell a new render from an old one. */
  private settle(doc: Document, state: 'ready' | 'error'): void {
    doc.body.dataset['state'] = state;
    doc.body.dataset['renders'] = String(Number(doc.body.dataset['renders'] ?? 0) + 1);
  }

  markLoading(): void {
    const doc = this.frame?.contentDocument;
    if (doc?.body) doc.body.dataset['state'] = 'loading';
  }

  unmount(): void {
    this.launcher?.remove();
    this.container?.remove();
    this.launcher = null;
    this.container = null;
    this.frame = null;
  }
}
