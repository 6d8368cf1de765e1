export interface LoginFields {
  serverUrl: string;
  email: string;
  password: string;
}

export type LoginProblems = Partial<Record<keyof LoginFields, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The sign-in form's checks at the field, the same limits as syncLoginSchema (the password is never trimmed). */
export const loginProblems = ({ serverUrl, email, password }: LoginFields): LoginProblems => {
  const problems: LoginProblems = {};
  const url = serverUrl.trim();
  if (!url) problems.serverUrl = 'Enter the server’s address.';
  else {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') problems.serverUrl = 'Use an http:// or https:// address.';
    } catch {
      problems.serverUrl = 'Enter a full address, like https://lumiku.com.';
    }
    if (!problems.serverUrl && url.length > 500) problems.serverUrl = 'At most 500 characters.';
  }
  const address = email.trim();
  if (!address) problems.email = 'Enter your account’s email.';
  else if (!EMAIL.test(address) || address.length > 254) problems.email = 'Enter a valid email address.';
  if (!password) problems.password = 'Enter your password.';
  else if (password.length > 200) problems.password = 'At most 200 characters.';
  return problems;
};
