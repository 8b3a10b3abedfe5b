/**
 * Hands Direct Line activities to the bot in-process, while the bot's replies travel the
 * production path: a Bot Connector REST client whose serviceUrl is this server.
 *
 * CloudAdapter accepts unauthenticated requests only when no MicrosoftAppId is set. To keep
 * the local web chat working when an AppId is configured for the Azure channels (without
 * opening /api/messages and without calling Azure), the activity goes to
 * `processActivityDirect` with an already-authenticated result: the bot's own app id as the
 * `aud` and `appid` claims, and a connector factory that returns a client for the local
 * serviceUrl with no credentials.
 */
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
} from 'botframework-connector';

/** Creates connector clients for the local Bot Connector endpoint, without credentials. */
export class LocalConnectorFactory extends ConnectorFactory {
  constructor(private readonly serviceUrl: string) {
    super();
  }

  override async create(serviceUrl: string): Promise<ConnectorClient> {
    if (serviceUrl !== this.serviceUrl) throw new Error('the local connector only serves its own serviceUrl');
    // An empty app id makes the credentials sign nothing: no token is fetched from Azure.
    return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
  }
}

/** Runs bot turns for the local Direct Line. */
export class LocalBotBridge {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string | undefined,
    /** The local Bot Connector base URL (known once the server listens). */
    private readonly serviceUrl: () => string,
    private readonly logic: (context: TurnContext) => Promise<void>,
  ) {}

  /** Processes one activity from a Direct Line client. */
  async process(activity: Partial<Activity>): Promise<void> {
    const appId = this.botAppId ?? '';
    const claims = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: appId },
        { type: AuthenticationConstants.AppIdClaim, value: appId },
      ],
      true,
    );
    const serviceUrl = this.serviceUrl();
    const auth: AuthenticateRequestResult = {
      audience: appId,
      claimsIdentity: claims,
      connectorFactory: new LocalConnectorFactory(serviceUrl),
    };
    await this.adapter.processActivityDirect(auth, { ...activity, serviceUrl } as Activity, this.logic);
  }
}
