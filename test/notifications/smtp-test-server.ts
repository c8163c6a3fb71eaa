import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: string[];
  readonly raw: string;
}

/** A real SMTP server inside the test process; `reject` makes it refuse every message. */
export class SmtpTestServer {
  readonly mails: ReceivedMail[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly server: SMTPServer;

  constructor(options: { reject?: boolean } = {}) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (raw += chunk));
        stream.on('end', () => {
          if (options.reject) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
          this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          this.waiters.splice(0).forEach((wake) => wake());
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The first mail to `to` matching `match` (already received or still to come). */
  async waitFor(to: string, match: (raw: string) => boolean = () => true, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find((m) => m.to.includes(to) && match(decodeMail(m.raw)));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200).unref();
      });
    }
  }
}

/** Undoes quoted-printable soft breaks and escapes, enough to read links out of a message. */
export function decodeMail(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
