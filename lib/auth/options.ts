import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "@/lib/audit/context";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { authenticate } from "./login";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; roles: Role[]; organizationId: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    roles?: Role[];
    organizationId?: string | null;
  }
}

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value.at(-1) ?? null) : (value ?? null);
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
        const ip = clientIp(header(req?.headers, "x-forwarded-for"), header(req?.headers, "x-real-ip")) ?? "unknown";
        try {
          const user = await authenticate(credentials, ip);
          return { id: user.id, name: user.name, email: user.email, roles: user.roles, organizationId: user.organizationId };
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
        const u = user as unknown as { id: string; roles: Role[]; organizationId: string | null };
        token.uid = u.id;
        token.roles = u.roles;
        token.organizationId = u.organizationId;
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
      };
      return session;
    },
  },
};
