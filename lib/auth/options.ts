import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { proxyMark, requestMetaFrom, type HeaderReader } from "./client-ip";
import { authenticate } from "./login";
import { revokeSessions } from "./session-version";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      name: string;
      email: string;
      roles: Role[];
      organizationId: string | null;
      sessionVersion?: number;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    roles?: Role[];
    organizationId?: string | null;
    /** The user's session version at sign-in (lib/auth/session-version.ts). */
    sv?: number;
  }
}

/** next-auth v4 hands `authorize` the request headers as a plain object (or, elsewhere, Headers). */
function headerReader(headers: unknown): HeaderReader {
  if (headers instanceof Headers) return headers;
  const record = (headers ?? {}) as Record<string, string | string[] | undefined>;
  return {
    get(name) {
      const value = record[name];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}

/** The client's address by the TRUST_PROXY_HOPS rule (the sign-in route passes through proxy.ts). */
function requestMeta(headers: unknown) {
  const reader = headerReader(headers);
  const meta = requestMetaFrom(reader, { hops: env().TRUST_PROXY_HOPS, mark: proxyMark(env().AUTH_SECRET) });
  return { ...meta, userAgent: reader.get("user-agent") };
}

/** next-auth v4: email + password, JWT sessions (stateless: any app instance can verify them). */
export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const meta = requestMeta(req?.headers);
        try {
          // An unknown address (a misconfigured TRUST_PROXY_HOPS) shares one per-IP budget: safe, not open.
          const user = await authenticate(credentials, meta.ip ?? "unknown", { userAgent: meta.userAgent });
          return {
            id: user.id,
            name: user.name,
            email: user.email,
            roles: user.roles,
            organizationId: user.organizationId,
            sessionVersion: user.sessionVersion,
          };
        } catch (error) {
          // The message reaches the sign-in form as `error`, which maps it to a localized text.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as {
          id: string;
          roles: Role[];
          organizationId: string | null;
          sessionVersion: number;
        };
        token.uid = u.id;
        token.roles = u.roles;
        token.organizationId = u.organizationId;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.uid ?? "",
        name: token.name ?? "",
        email: token.email ?? "",
        roles: token.roles ?? [],
        organizationId: token.organizationId ?? null,
        sessionVersion: token.sv,
      };
      return session;
    },
  },
  events: {
    // Sign-out revokes the session, not just the cookie: a saved copy of the token is stale at once.
    async signOut({ token }) {
      if (!token?.uid) return;
      // The event runs inside the sign-out route's request, whose headers proxy.ts prepared.
      const meta = await headers().then(
        (h) => requestMeta(h),
        () => ({ requestId: null, ip: null, userAgent: null }),
      );
      await revokeSessions(token.uid, meta);
    },
  },
};
