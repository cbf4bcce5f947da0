import { Screen, selectors } from './screen.ts';

/** The Intercom messenger: the user's name, the conversation list, the reply box. */
class MessengerScreen extends Screen {
  private get container() {
    return this.find(selectors.messenger);
  }

  private get userName() {
    return this.find(selectors.userName);
  }

  private get replyInput() {
    return this.find(selectors.replyInput);
  }

  private get sendButton() {
    return this.find(selectors.sendReply);
  }

  private get closeButton() {
    return this.find(selectors.closeMessenger);
  }

  async isShown(): Promise<boolean> {
    return this.container.isExisting();
  }

  /** The name the messenger shows for the signed-in user. */
  async shownUserName(): Promise<string> {
    return this.userName.getText();
  }

  /** Replies in the first (or selected) conversation. */
  async sendReply(text: string): Promise<void> {
    await this.replyInput.setValue(text);
    await this.sendButton.click();
  }

  async close(): Promise<void> {
    await this.closeButton.click();
  }
}

export default new MessengerScreen();
