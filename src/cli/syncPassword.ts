import { usageError } from './session';

/** For scripts and CI: the password in the environment, never on the command line (where `ps` and shell history see it). */
export const PASSWORD_ENV = 'AVATAR_CREATOR_SYNC_PASSWORD';

/** Types a prompt on stderr and reads one line from the terminal without echoing it. */
const promptHidden = (prompt: string, input: NodeJS.ReadStream = process.stdin, echo: NodeJS.WriteStream = process.stderr): Promise<string> =>
  new Promise((resolve, reject) => {
    echo.write(prompt);
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    let value = '';
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      echo.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004') return finish(usageError('sign-in cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    input.on('data', onData);
  });

/** The first line of stdin (`echo "$PASSWORD" | avatar-creator sync login …`). */
const readFirstLine = async (input: NodeJS.ReadStream = process.stdin): Promise<string> => {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
};

/**
 * The password: AVATAR_CREATOR_SYNC_PASSWORD when set, a hidden prompt on a terminal, else the
 * first line of stdin. Never a flag.
 */
export const readPassword = async (env: NodeJS.ProcessEnv = process.env): Promise<string> => {
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  const password = process.stdin.isTTY ? await promptHidden('Lumiku password: ') : await readFirstLine();
  if (!password) throw usageError(`no password: type it at the prompt, pipe it on stdin or set ${PASSWORD_ENV}`);
  return password;
};
