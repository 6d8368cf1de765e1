import { SignJWT, jwtVerify } from 'jose';

export interface TokenClaims {
  userId: string;
  email: string;
}

export interface TokenIssuer {
  issue(claims: TokenClaims, expiresInSeconds?: number): Promise<string>;
  /** The claims, or null for anything invalid, tampered with or expired. */
  verify(token: string): Promise<TokenClaims | null>;
}

/** HS256 with payload {userId, email}, as the cloud's login; `clock` decides what "expired" means. */
export const createTokenIssuer = (secret: string, defaultTtlSeconds: number, clock: () => number): TokenIssuer => {
  const key = new TextEncoder().encode(secret);
  return {
    issue: async (claims, expiresInSeconds = defaultTtlSeconds) => {
      const nowSeconds = Math.floor(clock() / 1000);
      return new SignJWT({ userId: claims.userId, email: claims.email })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(nowSeconds)
        .setExpirationTime(nowSeconds + expiresInSeconds)
        .sign(key);
    },
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date(clock()) });
        if (typeof payload.userId !== 'string' || typeof payload.email !== 'string') return null;
        return { userId: payload.userId, email: payload.email };
      } catch {
        return null;
      }
    },
  };
};
