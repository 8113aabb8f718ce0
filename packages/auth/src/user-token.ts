import { type AuthStrategy, NhsError, NhsValidationError } from "@nhskit/core";
import { SecretRing } from "./secrets.js";

export interface UserTokenOptions {
  /**
   * Returns the user's current access token (NHS CIS2 or NHS login, usually via the platform). Called once per
   * attempt, so keep it cheap: read from your session store, do not sign the user in here.
   */
  getAccessToken: () => string | Promise<string>;
  /**
   * Renews the tokens after the API answered 401 (for example with the refresh token); `getAccessToken` is
   * then asked again. Without it a 401 is final. Concurrent 401s share one call.
   */
  refresh?: () => void | Promise<void>;
}

/** User-restricted access with tokens the caller obtains (sign-in happens in your app). Works in browsers. */
export function userToken(options: UserTokenOptions): AuthStrategy {
  if (!options || typeof options.getAccessToken !== "function") {
    throw new NhsValidationError("userToken", [
      { path: "getAccessToken", message: "is required: a function returning the user's current access token" },
    ]);
  }
  if (options.refresh !== undefined && typeof options.refresh !== "function") {
    throw new NhsValidationError("userToken", [{ path: "refresh", message: "must be a function when given" }]);
  }
  const ring = new SecretRing([]);
  let refreshing: Promise<boolean> | undefined;

  const strategy: AuthStrategy = {
    kind: "user-token",
    async authorize({ headers }) {
      const token = await options.getAccessToken();
      if (typeof token !== "string" || token.trim() === "") {
        throw new NhsValidationError("userToken", [
          { path: "getAccessToken", message: "returned no token; sign the user in before calling the API" },
        ]);
      }
      ring.add(token);
      headers.set("Authorization", `Bearer ${token.trim()}`);
    },
    secrets: () => ring.values(),
  };
  if (options.refresh) {
    const refresh = options.refresh;
    strategy.invalidate = () => {
      refreshing ??= (async () => {
        try {
          await refresh();
          return true;
        } catch (error) {
          // nhskit errors (a refused refresh token, say) say what to do: let them through. Anything else
          // would be reported by core as an unreadable response, so the 401 is reported instead.
          if (error instanceof NhsError) throw error;
          return false;
        } finally {
          refreshing = undefined;
        }
      })();
      return refreshing;
    };
  }
  return strategy;
}
