import { Screen, selectors } from './screen.ts';

/** The app's main screen: sign in, refresh the JWT, open the messenger, log out. */
class HomeScreen extends Screen {
  private signInButton(userId: string) {
    return this.find(selectors.logIn.replace('{user}', userId));
  }

  private get refreshJwtButton() {
    return this.find(selectors.refreshJwt);
  }

  private get openMessengerButton() {
    return this.find(selectors.openMessenger);
  }

  private get logoutButton() {
    return this.find(selectors.logout);
  }

  private get visitorButton() {
    return this.find(selectors.visitor);
  }

  /** Signs in: the app gets a JWT from its backend, calls setUserJwt and logs in to Intercom. */
  async logIn(userId: string): Promise<void> {
    await this.signInButton(userId).click();
  }

  /** The app fetches a new JWT now and hands it to the SDK. */
  async refreshJwt(): Promise<void> {
    await this.refreshJwtButton.click();
    await this.waitForStatus(selectors.settled.refreshJwt, 'refresh the JWT');
  }

  async openMessenger(): Promise<void> {
    await this.openMessengerButton.click();
  }

  /** Intercom logout(), then the app's own. */
  async logOut(): Promise<void> {
    await this.logoutButton.click();
    await this.waitForStatus(selectors.settled.logOut, 'log out');
  }

  /** Intercom loginUnidentifiedUser, then the messenger for the visitor. */
  async continueAsVisitor(): Promise<void> {
    await this.visitorButton.click();
  }
}

export default new HomeScreen();
